namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:Not</c>.</summary>
internal sealed record EwsNotRestriction(EwsRestriction Operand) : EwsRestriction;
