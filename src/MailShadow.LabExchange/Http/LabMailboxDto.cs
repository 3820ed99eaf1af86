namespace MailShadow.LabExchange.Http;

/// <summary>A mailbox as <c>GET /lab/mailboxes</c> lists it.</summary>
internal sealed record LabMailboxDto(string Address, string DisplayName, IReadOnlyList<LabFolderDto> Folders);
