using MailShadow.Delivery.Smtp.Diagnostics;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using MailShadow.Model.Retry;
using MailShadow.Model.Smtp;
using Microsoft.Extensions.Logging;

namespace MailShadow.Delivery.Smtp.Reports;

/// <summary>
/// When a message's state becomes final on a site, checks whether some recipient is now refused on every site and,
/// if so, appends one DSN to the journal (deterministic id, so sites finishing together still produce one).
/// </summary>
internal sealed class DsnComposer
{
    private const int MaxTries = 5;

    private readonly IJournal _journal;
    private readonly IRoleSource _roles;
    private readonly SmtpDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DeliveryMetrics _metrics;
    private readonly IReadOnlyList<SiteName> _allSites;
    private readonly Dictionary<SiteName, string> _remoteMtas;
    private readonly RetrySchedule _retry;

    public DsnComposer(
        IJournal journal,
        SiteTopology topology,
        IRoleSource roles,
        SmtpDeliveryOptions options,
        TimeProvider time,
        ILogger logger,
        DeliveryMetrics metrics)
    {
        _journal = journal;
        _roles = roles;
        _options = options;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _allSites = topology.Sites;
        _remoteMtas = topology.Sites.ToDictionary(
            site => site,
            site => HostPort.TryParse(topology[site].Smtp, out var endpoint) ? endpoint.Host : topology[site].Smtp);
        _retry = new RetrySchedule(options.RetryInitialDelay, options.RetryMaxDelay);
    }

    /// <summary>Appends the DSN if every site has now refused some recipient; never throws except for cancellation.</summary>
    public async Task ReportIfRefusedEverywhereAsync(TransactionId id, SmtpEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Sender is null)
        {
            return; // a bounce never bounces
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ReportAsync(id, envelope, cancellationToken);
                return;
            }
            catch (JournalException ex) when (ex.IsTransient && attempt < MaxTries)
            {
                await Task.Delay(_retry.DelayAfter(attempt), _time, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.DsnFailed(_logger, id, ex);
                return;
            }
        }
    }

    private async Task ReportAsync(TransactionId id, SmtpEnvelope envelope, CancellationToken cancellationToken)
    {
        var record = await _journal.GetAsync(id, cancellationToken);
        if (record is null)
        {
            return;
        }

        var refused = DsnPlanner.FailedEverywhere(record, envelope);
        if (refused.Count == 0)
        {
            return;
        }

        var sender = envelope.Sender!;
        var dsnId = DsnIds.For(id);
        var now = _time.GetUtcNow();
        var roles = _roles.Current;
        var payload = await _journal.ReadPayloadAsync(id, cancellationToken);
        var bytes = DsnBuilder.Build(new DsnContent(
            dsnId,
            id,
            _options.ReportingMta,
            _options.DsnSender,
            sender,
            envelope.ReceivedAt,
            payload,
            refused,
            _remoteMtas,
            roles.Active,
            now));

        var domain = sender[(sender.LastIndexOf('@') + 1)..];
        var local = _options.AcceptedDomains.Contains(domain, StringComparer.OrdinalIgnoreCase);

        // A local sender has a mailbox on every site; anyone else is reached through the active site, which relays.
        IReadOnlyList<SiteName> targets = local ? _allSites : [roles.Active];
        var dsnEnvelope = new SmtpEnvelope(null, [sender], now, ClientAddress: null, Helo: _options.ReportingMta);
        var appended = await _journal.AppendAsync(
            new NewTransaction(TransactionKind.SmtpMessage, [sender.ToLowerInvariant()], dsnEnvelope.ToJson(), bytes, targets) { Id = dsnId },
            cancellationToken);
        if (!appended.AlreadyExisted)
        {
            _metrics.DsnQueued();
            Log.DsnQueued(_logger, dsnId, id, sender, refused.Count);
        }
    }
}
