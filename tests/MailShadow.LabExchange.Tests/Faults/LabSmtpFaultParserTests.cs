using MailShadow.LabExchange.Faults;

namespace MailShadow.LabExchange.Tests.Faults;

/// <summary>Fault requests checked and completed with their defaults, without a server.</summary>
public sealed class LabSmtpFaultParserTests
{
    [Theory]
    [InlineData("refuse", LabSmtpFaultKind.Refuse, LabSmtpFaultStage.Connect, null)]
    [InlineData("tempfail", LabSmtpFaultKind.TempFail, LabSmtpFaultStage.Rcpt, "451 4.3.2 System not accepting network messages")]
    [InlineData("PERMFAIL", LabSmtpFaultKind.PermFail, LabSmtpFaultStage.Rcpt, "550 5.1.1 User unknown")]
    [InlineData("hang", LabSmtpFaultKind.Hang, LabSmtpFaultStage.Connect, null)]
    [InlineData("drop-after-data", LabSmtpFaultKind.DropAfterData, LabSmtpFaultStage.Data, null)]
    public void Parse_FillsInTheKindsDefaults(string kind, LabSmtpFaultKind expectedKind, LabSmtpFaultStage expectedStage, string? expectedReply)
    {
        var spec = LabSmtpFaultParser.Parse(kind, null, null, null, null, null, out var errors);

        Assert.Empty(errors);
        Assert.Equal((expectedKind, expectedStage, expectedReply), (spec!.Kind, spec.Stage, spec.Reply?.ToString()));
        Assert.True(spec.StoreMessage);
        Assert.Null(spec.Times);
    }

    [Fact]
    public void Parse_ReportsEveryProblem()
    {
        var spec = LabSmtpFaultParser.Parse("refuse", "451 4.0.0 x", "data", ["bob@example.test"], false, 2, out var errors);

        Assert.Null(spec);
        Assert.Equal(5, errors.Count);
    }

    [Theory]
    [InlineData("451 4.7.0 Try later", true)]
    [InlineData("451", true)]
    [InlineData("45", false)]
    [InlineData("451-4.7.0 continued", false)]
    [InlineData("abc 4.7.0", false)]
    [InlineData("651 x", false)]
    public void Reply_Parses(string text, bool valid) => Assert.Equal(valid, LabSmtpReply.TryParse(text, out _));

    [Fact]
    public void Faults_RefusingChangesWithTheRefuseFaults()
    {
        using var faults = new LabSmtpFaults();
        var changes = new List<bool>();
        faults.RefusingChanged += (_, refusing) => changes.Add(refusing);

        var refuse = faults.Add(LabSmtpFaultKind.Refuse);
        faults.Add(LabSmtpFaultKind.TempFail);
        faults.Remove(refuse.Id);

        Assert.Equal([true, false], changes);
        Assert.Throws<ArgumentException>(() => faults.Add(LabSmtpFaultKind.TempFail, reply: "550 5.0.0 not temporary"));
    }
}
