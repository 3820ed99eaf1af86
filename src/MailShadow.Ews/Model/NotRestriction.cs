namespace MailShadow.Ews.Model;

/// <summary>The negation of a restriction.</summary>
public sealed record NotRestriction : Restriction
{
    internal NotRestriction(Restriction operand) => Operand = operand;

    public Restriction Operand { get; }
}
