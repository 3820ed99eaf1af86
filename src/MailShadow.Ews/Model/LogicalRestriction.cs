namespace MailShadow.Ews.Model;

/// <summary>All (<c>And</c>) or any (<c>Or</c>) of the operands.</summary>
public sealed record LogicalRestriction : Restriction
{
    internal LogicalRestriction(bool isAnd, IReadOnlyList<Restriction> operands)
    {
        IsAnd = isAnd;
        Operands = operands;
    }

    public bool IsAnd { get; }

    public IReadOnlyList<Restriction> Operands { get; }
}
