namespace MailShadow.Ews.Model;

/// <summary>
/// A property named in a shape, a restriction, a sort order or an update: a <see cref="FieldUri"/>, an
/// <see cref="IndexedFieldUri"/> or an <see cref="ExtendedPropertyPath"/>.
/// </summary>
public abstract record PropertyPath
{
    private protected PropertyPath()
    {
    }
}
