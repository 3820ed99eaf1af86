using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Tests.Store;

public sealed class ExtendedPropertyKeyTests
{
    public static TheoryData<ExtendedPropertyKey> Keys => new()
    {
        ExtendedPropertyKey.ForTag(0x1081, "Integer"),
        ExtendedPropertyKey.ForName("PublicStrings", "a:b:c", "String"),
        ExtendedPropertyKey.ForName("{00020329-0000-0000-C000-000000000046}", "Keywords", "StringArray"),
        ExtendedPropertyKey.ForId("00062008-0000-0000-c000-000000000046", 0x8503, "Boolean"),
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void TextForm_ReadsBackAsTheSameKey(ExtendedPropertyKey key)
    {
        Assert.True(ExtendedPropertyKey.TryParse(key.ToString(), out var parsed));
        Assert.Equal(key, parsed);
    }

    [Fact]
    public void PropertySetGuids_CompareWhateverTheirSpelling() =>
        Assert.Equal(
            ExtendedPropertyKey.ForName("{00020329-0000-0000-C000-000000000046}", "X", "String"),
            ExtendedPropertyKey.ForName("00020329-0000-0000-c000-000000000046", "X", "String"));
}
