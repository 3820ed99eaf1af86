namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>
/// <c>t:IsEqualTo</c> and the other comparisons: a property against a constant (<see cref="Constant"/>) or against
/// another property (<see cref="OtherPath"/>).
/// </summary>
internal sealed record EwsCompareRestriction(EwsComparison Comparison, EwsPropertyPath Path) : EwsRestriction
{
    public string? Constant { get; init; }

    public EwsPropertyPath? OtherPath { get; init; }
}
