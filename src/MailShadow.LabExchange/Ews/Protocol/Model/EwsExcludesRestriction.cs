namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary><c>t:Excludes</c>: a bitwise test that none of the mask's bits are set.</summary>
internal sealed record EwsExcludesRestriction(EwsPropertyPath Path, long Bitmask) : EwsRestriction;
