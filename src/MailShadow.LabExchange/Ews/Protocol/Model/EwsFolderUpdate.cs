namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>One <c>t:SetFolderField</c>, <c>t:AppendToFolderField</c> or <c>t:DeleteFolderField</c>.</summary>
internal sealed record EwsFolderUpdate(EwsUpdateKind Kind, EwsPropertyPath Path, EwsFolderContent? Value);
