namespace MailShadow.Ews.Model;

/// <summary>What UploadItems does with an item (the schema's <c>CreateActionType</c>).</summary>
public enum UploadAction
{
    CreateNew,
    Update,
    UpdateOrCreate,
}
