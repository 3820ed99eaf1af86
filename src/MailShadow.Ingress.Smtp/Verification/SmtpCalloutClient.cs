using System.Net.Sockets;
using System.Security.Authentication;
using MailShadow.Model.Configuration;

namespace MailShadow.Ingress.Smtp.Verification;

/// <summary>
/// Asks a site's SMTP whether it would accept a recipient: EHLO, (STARTTLS), MAIL FROM:&lt;&gt;, RCPT TO, then QUIT
/// without sending anything. Any failure to get an answer is <see cref="CalloutOutcome.Inconclusive"/>.
/// </summary>
internal sealed class SmtpCalloutClient(string heloName, TimeProvider time)
{
    public async Task<CalloutResult> VerifyAsync(SiteOptions site, string address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!HostPort.TryParse(site.Smtp, out var endpoint))
        {
            return Inconclusive($"the site's SMTP endpoint '{site.Smtp}' is not host:port");
        }

        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var token = linked.Token;
        try
        {
            await using var connection = await CalloutConnection.ConnectAsync(endpoint.Host, endpoint.Port, token);
            var greeting = await connection.ReadReplyAsync(token);
            if (greeting.Code != 220)
            {
                return Inconclusive($"greeting {greeting}");
            }

            var ehlo = await HelloAsync(connection, token);
            if (!ehlo.IsPositive)
            {
                return Inconclusive($"EHLO {ehlo}");
            }

            var offersTls = ehlo.Lines.Any(line => line.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase));
            var mode = site.SmtpTls;
            if (offersTls && !mode.Equals("None", StringComparison.OrdinalIgnoreCase))
            {
                await connection.SendAsync("STARTTLS", token);
                var ready = await connection.ReadReplyAsync(token);
                if (ready.Code != 220)
                {
                    return Inconclusive($"STARTTLS {ready}");
                }

                await connection.StartTlsAsync(endpoint.Host, site.TrustAnyCertificate, token);
                ehlo = await HelloAsync(connection, token);
                if (!ehlo.IsPositive)
                {
                    return Inconclusive($"EHLO after STARTTLS {ehlo}");
                }
            }
            else if (mode.Equals("StartTls", StringComparison.OrdinalIgnoreCase))
            {
                return Inconclusive("the site does not offer the STARTTLS it is configured to require");
            }

            await connection.SendAsync("MAIL FROM:<>", token);
            var mail = await connection.ReadReplyAsync(token);
            if (!mail.IsPositive)
            {
                return Inconclusive($"MAIL FROM {mail}");
            }

            await connection.SendAsync($"RCPT TO:<{address}>", token);
            var result = CalloutClassifier.ClassifyRecipientReply(await connection.ReadReplyAsync(token));
            await QuitAsync(connection, token);
            return result;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Inconclusive($"no answer within {timeout}");
        }
        catch (Exception ex) when (ex is SocketException or IOException or AuthenticationException or FormatException)
        {
            return Inconclusive(ex.Message);
        }
    }

    private async Task<SmtpReply> HelloAsync(CalloutConnection connection, CancellationToken cancellationToken)
    {
        await connection.SendAsync($"EHLO {heloName}", cancellationToken);
        var reply = await connection.ReadReplyAsync(cancellationToken);
        if (reply.Code is 500 or 502)
        {
            await connection.SendAsync($"HELO {heloName}", cancellationToken);
            reply = await connection.ReadReplyAsync(cancellationToken);
        }

        return reply;
    }

    // The answer is already in; a site that is slow to say goodbye must not hold the recipient up.
    private static async Task QuitAsync(CalloutConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.SendAsync("RSET", cancellationToken);
            await connection.SendAsync("QUIT", cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            // Closing anyway.
        }
    }

    private static CalloutResult Inconclusive(string detail) => new(CalloutOutcome.Inconclusive, detail);
}
