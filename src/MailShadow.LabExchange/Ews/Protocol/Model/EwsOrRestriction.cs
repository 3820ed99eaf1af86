namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:Or</c>: at least one operand holds.</summary>
internal sealed record EwsOrRestriction(IReadOnlyList<EwsRestriction> Operands) : EwsRestriction;
