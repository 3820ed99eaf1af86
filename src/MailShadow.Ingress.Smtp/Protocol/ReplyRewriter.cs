using System.Globalization;

namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>
/// Turns the replies SmtpServer words on its own (no enhanced status codes, a "retries remaining" suffix on errors,
/// 502 for a malformed known command, 501 for a command out of order) into the replies this server means. Lines it
/// does not know pass unchanged: those are already ours.
/// </summary>
internal static class ReplyRewriter
{
    private const string RetriesSuffix = " retry(ies) remaining.";

    /// <summary>The line(s) to send instead of <paramref name="line"/>; two lines are CRLF-separated.</summary>
    /// <param name="line">A reply line SmtpServer wrote, without its CRLF.</param>
    /// <param name="context">What the session knows.</param>
    /// <param name="usedPending">True when <see cref="ReplyContext.PendingReply"/> was consumed.</param>
    public static string Rewrite(string line, in ReplyContext context, out bool usedPending)
    {
        usedPending = false;
        if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) || (line.Length > 3 && line[3] != ' '))
        {
            return line; // a continuation line (EHLO) or not a reply at all
        }

        var text = line.Length > 4 ? line[4..] : "";
        if (HasEnhancedCode(text))
        {
            return line; // already one of ours
        }

        var retriesLeft = StripRetries(ref text);
        var mapped = Map(code, text, context, ref usedPending) ?? line[..Math.Min(line.Length, 4)] + text;
        return retriesLeft == 0 ? mapped + "\r\n" + Replies.TooManyErrors(context.ServerName) : mapped;
    }

    private static string? Map(int code, string text, in ReplyContext context, ref bool usedPending) => (code, text) switch
    {
        (250, "Ok") => context.Verb switch
        {
            SmtpVerb.Mail => Replies.SenderOk,
            SmtpVerb.Rcpt => Replies.RecipientOk,
            SmtpVerb.Rset => Replies.ResetOk,
            SmtpVerb.Auth => Replies.AuthNotAvailable,
            SmtpVerb.Proxy => Replies.CommandUnrecognized,
            _ => Replies.NoopOk,
        },
        (550, "mailbox unavailable") => Pending(context, ref usedPending) ?? (context.Verb == SmtpVerb.Mail ? Replies.SenderRejected : Replies.RecipientRejected),
        (552, "size limit exceeded" or "message size exceeds fixed maximium message size") => Replies.MessageTooLarge,
        (554, "no valid recipients given") => Replies.NoValidRecipients,
        (554, "") => Replies.LocalError, // an exception escaped the store: never let it become a bounce
        (354, _) => Replies.StartMailInput,
        (221, "bye") => Replies.Closing(context.ServerName),
        (220, "ready when you are") => Replies.ReadyToStartTls,
        (502, "Unrecognized command") => Malformed(context.Verb),
        (501, _) when text.StartsWith("expected ", StringComparison.Ordinal) => OutOfOrder(context),
        (553, "mailbox name not allowed") => context.Verb == SmtpVerb.Mail ? Replies.SenderNotAllowed : Replies.RecipientNotAllowed,
        (221 or 421, "Timeout while waiting for input.") => Replies.CommandTimeout(context.ServerName),
        (221 or 421, "The session has be cancelled.") => context.Stopping ? Replies.ShuttingDown(context.ServerName) : Replies.SessionTimeout(context.ServerName),
        _ => null,
    };

    private static string? Pending(in ReplyContext context, ref bool usedPending)
    {
        usedPending = context.PendingReply is not null;
        return context.PendingReply;
    }

    // SmtpServer tries every command parser in turn, so a known command with bad arguments ends as "502 Unrecognized".
    private static string Malformed(SmtpVerb verb) => verb switch
    {
        SmtpVerb.Mail => Replies.MailSyntax,
        SmtpVerb.Rcpt => Replies.RcptSyntax,
        SmtpVerb.Helo or SmtpVerb.Ehlo => Replies.HeloSyntax,
        SmtpVerb.Data or SmtpVerb.Rset or SmtpVerb.Noop or SmtpVerb.Quit or SmtpVerb.StartTls => Replies.NoParameters,
        SmtpVerb.NotImplemented => Replies.CommandNotImplemented,
        SmtpVerb.Auth => Replies.AuthNotAvailable,
        _ => Replies.CommandUnrecognized,
    };

    private static string OutOfOrder(in ReplyContext context) => context.Verb switch
    {
        SmtpVerb.StartTls when context.IsSecure => Replies.TlsActive,
        SmtpVerb.StartTls when !context.TlsAvailable => Replies.StartTlsNotAvailable,
        _ when !context.HeloSeen => Replies.HeloFirst,
        SmtpVerb.Mail => Replies.NestedMail,
        SmtpVerb.Rcpt => Replies.MailFirst,
        SmtpVerb.Data => context.InTransaction ? Replies.NoValidRecipients : Replies.MailBeforeData,
        SmtpVerb.Helo or SmtpVerb.Ehlo => Replies.HeloInTransaction,
        SmtpVerb.StartTls => Replies.StartTlsInTransaction,
        _ => Replies.BadSequence,
    };

    private static bool HasEnhancedCode(string text) =>
        text.Length >= 6 && (text[0] is '2' or '4' or '5') && text[1] == '.' && char.IsAsciiDigit(text[2]);

    /// <summary>Removes SmtpServer's ", N retry(ies) remaining." and returns N, or -1 when absent.</summary>
    private static int StripRetries(ref string text)
    {
        if (!text.EndsWith(RetriesSuffix, StringComparison.Ordinal))
        {
            return -1;
        }

        var body = text[..^RetriesSuffix.Length];
        var comma = body.LastIndexOf(", ", StringComparison.Ordinal);
        if (comma < 0 || !int.TryParse(body.AsSpan(comma + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var retries))
        {
            return -1;
        }

        text = body[..comma];
        return retries;
    }
}
