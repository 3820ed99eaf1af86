namespace MailShadow.Model;

/// <summary>Headers the appliance stamps into what it delivers, so each copy can be traced and de-duplicated.</summary>
public static class TraceHeaders
{
    /// <summary>Carries the <see cref="Model.TransactionId"/> of the journal transaction into the delivered copy.</summary>
    public const string TransactionId = "X-MailShadow-Transaction-Id";
}
