namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:And</c>: every operand holds.</summary>
internal sealed record EwsAndRestriction(IReadOnlyList<EwsRestriction> Operands) : EwsRestriction;
