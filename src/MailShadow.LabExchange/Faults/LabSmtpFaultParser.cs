using MailShadow.LabExchange.Smtp;

namespace MailShadow.LabExchange.Faults;

/// <summary>
/// Checks a fault request and fills in its defaults: which stages and fields each kind takes, and which reply class.
/// No I/O: fields in, a spec or every error out.
/// </summary>
internal static class LabSmtpFaultParser
{
    /// <summary>Reads a request as the admin API receives it: kind and stage by name.</summary>
    public static LabSmtpFaultSpec? Parse(
        string? kindName,
        string? reply,
        string? at,
        IReadOnlyList<string>? recipients,
        bool? store,
        int? times,
        out List<string> errors)
    {
        if (!LabSmtpFaultNames.TryParseKind(kindName, out var kind))
        {
            errors = [$"kind: '{kindName}' is not one of: {string.Join(", ", Enum.GetValues<LabSmtpFaultKind>().Select(k => k.Name()))}."];
            return null;
        }

        LabSmtpFaultStage? stage = null;
        if (at is not null)
        {
            if (!LabSmtpFaultNames.TryParseStage(at, out var named))
            {
                errors = [$"at: '{at}' is not one of: {string.Join(", ", Enum.GetValues<LabSmtpFaultStage>().Select(s => s.Name()))}."];
                return null;
            }

            stage = named;
        }

        return Parse(kind, stage, reply, recipients, store, times, out errors);
    }

    public static LabSmtpFaultSpec? Parse(
        LabSmtpFaultKind kind,
        LabSmtpFaultStage? at,
        string? reply,
        IReadOnlyList<string>? recipients,
        bool? store,
        int? times,
        out List<string> errors)
    {
        errors = [];
        var stage = ParseStage(kind, at, errors);
        var parsedReply = ParseReply(kind, reply, errors);
        if (recipients is { Count: > 0 } && stage == LabSmtpFaultStage.Connect)
        {
            errors.Add($"recipients: a {kind.Name()} fault at connect knows no recipients.");
        }

        if (recipients?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors.Add("recipients: an entry is empty.");
        }

        if (store is not null && kind != LabSmtpFaultKind.DropAfterData)
        {
            errors.Add($"store: only a drop-after-data fault stores or not (this is {kind.Name()}).");
        }

        if (times is not null && kind == LabSmtpFaultKind.Refuse)
        {
            errors.Add("times: a refuse fault lasts until it is removed.");
        }
        else if (times is < 1)
        {
            errors.Add($"times: must be at least 1 (is {times}).");
        }

        return errors.Count > 0
            ? null
            : new LabSmtpFaultSpec(kind, stage, parsedReply, [.. recipients ?? []], store ?? true, times);
    }

    private static LabSmtpFaultStage ParseStage(LabSmtpFaultKind kind, LabSmtpFaultStage? at, List<string> errors)
    {
        var (fallback, allowed) = kind switch
        {
            LabSmtpFaultKind.Refuse => (LabSmtpFaultStage.Connect, new[] { LabSmtpFaultStage.Connect }),
            LabSmtpFaultKind.TempFail or LabSmtpFaultKind.PermFail => (LabSmtpFaultStage.Rcpt, [LabSmtpFaultStage.Rcpt, LabSmtpFaultStage.Data]),
            LabSmtpFaultKind.Hang => (LabSmtpFaultStage.Connect, [LabSmtpFaultStage.Connect, LabSmtpFaultStage.Rcpt, LabSmtpFaultStage.Data]),
            _ => (LabSmtpFaultStage.Data, [LabSmtpFaultStage.Data]),
        };

        if (at is not { } stage)
        {
            return fallback;
        }

        if (allowed.Contains(stage))
        {
            return stage;
        }

        errors.Add($"at: a {kind.Name()} fault strikes at {string.Join(" or ", allowed.Select(s => s.Name()))}, not {stage.Name()}.");
        return fallback;
    }

    private static LabSmtpReply? ParseReply(LabSmtpFaultKind kind, string? reply, List<string> errors)
    {
        if (kind is not (LabSmtpFaultKind.TempFail or LabSmtpFaultKind.PermFail))
        {
            if (reply is not null)
            {
                errors.Add($"reply: a {kind.Name()} fault gives no reply.");
            }

            return null;
        }

        if (reply is null)
        {
            return kind == LabSmtpFaultKind.TempFail ? LabSmtpReplies.DefaultTempFail : LabSmtpReplies.DefaultPermFail;
        }

        if (!LabSmtpReply.TryParse(reply, out var parsed))
        {
            errors.Add($"reply: '{reply}' is not an SMTP reply such as \"451 4.3.2 System not accepting network messages\".");
            return null;
        }

        if (kind == LabSmtpFaultKind.TempFail && !parsed.IsTransientFailure)
        {
            errors.Add($"reply: a tempfail reply is 4xx (is {parsed.Code}).");
        }
        else if (kind == LabSmtpFaultKind.PermFail && !parsed.IsPermanentFailure)
        {
            errors.Add($"reply: a permfail reply is 5xx (is {parsed.Code}).");
        }

        return parsed;
    }
}
