using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>GetFolder: the given folders, one result per id in the same order.</summary>
public sealed record GetFolderRequest(IReadOnlyList<FolderIdentifier> FolderIds)
{
    public FolderShape Shape { get; init; } = FolderShape.Hierarchy;
}
