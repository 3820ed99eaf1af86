namespace MailShadow.Ews.Model;

/// <summary>The property is set.</summary>
public sealed record ExistsRestriction : Restriction
{
    internal ExistsRestriction(PropertyPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
    }

    public PropertyPath Path { get; }
}
