using MailShadow.Ingress.Smtp.Protocol;

namespace MailShadow.Ingress.Smtp.Tests.Protocol;

public sealed class RecipientPolicyTests
{
    private readonly RecipientPolicy _policy = new(["example.test", "Other.Test."]);

    [Theory]
    [InlineData("alice", "example.test", false, nameof(RecipientVerdict.Accepted))]
    [InlineData("Alice.Smith+tag", "EXAMPLE.TEST", false, nameof(RecipientVerdict.Accepted))]
    [InlineData("bob", "other.test", false, nameof(RecipientVerdict.Accepted))]
    [InlineData("bob", "other.test.", false, nameof(RecipientVerdict.Accepted))]
    [InlineData("alice", "elsewhere.test", false, nameof(RecipientVerdict.NotLocal))]
    [InlineData("alice", "sub.example.test", false, nameof(RecipientVerdict.NotLocal))]
    [InlineData("alice", "[127.0.0.1]", false, nameof(RecipientVerdict.NotLocal))]
    [InlineData("alice", "example.test", true, nameof(RecipientVerdict.Routed))]
    [InlineData("m%elsewhere.test", "example.test", false, nameof(RecipientVerdict.Routed))]
    [InlineData("elsewhere.test!m", "example.test", false, nameof(RecipientVerdict.Routed))]
    [InlineData("m@elsewhere.test", "example.test", false, nameof(RecipientVerdict.Routed))]
    [InlineData("john doe", "example.test", false, nameof(RecipientVerdict.InvalidLocalPart))]
    [InlineData(".alice", "example.test", false, nameof(RecipientVerdict.InvalidLocalPart))]
    public void Evaluate_AcceptsOnlyPlainAddressesInAcceptedDomains(string local, string domain, bool route, string expected) =>
        Assert.Equal(Enum.Parse<RecipientVerdict>(expected), _policy.Evaluate(local, domain, route));
}
