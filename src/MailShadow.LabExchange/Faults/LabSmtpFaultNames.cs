namespace MailShadow.LabExchange.Faults;

/// <summary>The names the admin API uses for fault kinds and stages.</summary>
public static class LabSmtpFaultNames
{
    public static string Name(this LabSmtpFaultKind kind) => kind switch
    {
        LabSmtpFaultKind.Refuse => "refuse",
        LabSmtpFaultKind.TempFail => "tempfail",
        LabSmtpFaultKind.PermFail => "permfail",
        LabSmtpFaultKind.Hang => "hang",
        LabSmtpFaultKind.DropAfterData => "drop-after-data",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Name(this LabSmtpFaultStage stage) => stage switch
    {
        LabSmtpFaultStage.Connect => "connect",
        LabSmtpFaultStage.Rcpt => "rcpt",
        LabSmtpFaultStage.Data => "data",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static bool TryParseKind(string? name, out LabSmtpFaultKind kind)
    {
        foreach (var candidate in Enum.GetValues<LabSmtpFaultKind>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool TryParseStage(string? name, out LabSmtpFaultStage stage)
    {
        foreach (var candidate in Enum.GetValues<LabSmtpFaultStage>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }
}
