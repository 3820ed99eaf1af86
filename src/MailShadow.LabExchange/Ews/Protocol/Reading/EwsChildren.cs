using System.Xml.Linq;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>
/// Walks an element's children in document order the way an <c>xs:sequence</c> is validated: each call consumes the
/// next child if it has the expected name, and <see cref="End"/> rejects anything left over.
/// </summary>
internal sealed class EwsChildren
{
    private readonly XElement _parent;
    private readonly List<XElement> _children;
    private int _index;

    public EwsChildren(XElement parent)
    {
        _parent = parent;
        _children = [.. parent.Elements()];
    }

    public XElement? Peek => _index < _children.Count ? _children[_index] : null;

    public XElement? Optional(XName name)
    {
        if (_index < _children.Count && _children[_index].Name == name)
        {
            return _children[_index++];
        }

        return null;
    }

    public XElement Required(XName name) => Optional(name) ?? throw Unexpected(EwsNames.Describe(name));

    /// <summary>Consumes the next child if it is one of <paramref name="names"/> (an <c>xs:choice</c>).</summary>
    public XElement? OptionalChoice(params XName[] names)
    {
        if (_index < _children.Count && Array.IndexOf(names, _children[_index].Name) >= 0)
        {
            return _children[_index++];
        }

        return null;
    }

    public XElement RequiredChoice(params XName[] names) =>
        OptionalChoice(names) ?? throw Unexpected(string.Join(", ", names.Select(EwsNames.Describe)));

    /// <summary>Consumes every following child named <paramref name="name"/>.</summary>
    public List<XElement> Many(XName name)
    {
        var list = new List<XElement>();
        while (Optional(name) is { } element)
        {
            list.Add(element);
        }

        return list;
    }

    public void End()
    {
        if (_index < _children.Count)
        {
            throw Unexpected(expected: null);
        }
    }

    private EwsSchemaViolationException Unexpected(string? expected)
    {
        var parent = EwsNames.Describe(_parent.Name);
        if (_index >= _children.Count)
        {
            return new EwsSchemaViolationException(
                $"The element {parent} has incomplete content. List of possible elements expected: {expected}.", _parent);
        }

        var child = _children[_index];
        var message = $"The element {parent} has invalid child element {EwsNames.Describe(child.Name)}.";
        return new EwsSchemaViolationException(expected is null ? message : $"{message} List of possible elements expected: {expected}.", child);
    }
}
