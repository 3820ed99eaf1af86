using System.Globalization;

namespace MailShadow.Ews.Model;

/// <summary>
/// A MAPI property value (<c>t:ExtendedProperty</c>) in its wire form: one <see cref="Value"/>, or several
/// <see cref="Values"/> for the array types.
/// </summary>
public sealed record ExtendedProperty
{
    public ExtendedProperty(ExtendedPropertyPath path, string value)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        Path = path;
        Value = value;
    }

    public ExtendedProperty(ExtendedPropertyPath path, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A multi-valued property needs at least one value.", nameof(values));
        }

        Path = path;
        Values = values;
    }

    public ExtendedPropertyPath Path { get; }

    /// <summary>The single value, for the non-array types.</summary>
    public string? Value { get; }

    /// <summary>The values, for the array types.</summary>
    public IReadOnlyList<string>? Values { get; }

    public static ExtendedProperty Of(ExtendedPropertyPath path, int value) =>
        new(path, value.ToString(CultureInfo.InvariantCulture));

    public static ExtendedProperty Of(ExtendedPropertyPath path, long value) =>
        new(path, value.ToString(CultureInfo.InvariantCulture));

    public static ExtendedProperty Of(ExtendedPropertyPath path, bool value) => new(path, value ? "true" : "false");

    public static ExtendedProperty Of(ExtendedPropertyPath path, DateTimeOffset value) =>
        new(path, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    public static ExtendedProperty Of(ExtendedPropertyPath path, ReadOnlySpan<byte> value) =>
        new(path, Convert.ToBase64String(value));

    public static ExtendedProperty Of(ExtendedPropertyPath path, string value) => new(path, value);

    /// <summary>The value as a 32-bit integer, when it is one.</summary>
    public int? AsInt32() =>
        int.TryParse(Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public override string ToString() => Values is null ? $"{Path} = {Value}" : $"{Path} = [{string.Join(", ", Values)}]";
}
