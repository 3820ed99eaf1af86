namespace MailShadow.Journal;

/// <summary>
/// The lifetime of a dispatcher's loop over the journal (SMTP delivery, repairs): started once, then stopped in two
/// steps — <see cref="Stopping"/> ends the loop's reading and starting of work, and <see cref="Abort"/>, fired only
/// when the stop's own token fires first, cancels the attempts still running.
/// </summary>
public sealed class DispatchLoopLifetime : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private Task? _loop;

    /// <summary>Fires when a stop begins: start nothing new.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Fires when the stop's time is up: running attempts are cancelled.</summary>
    public CancellationToken Abort => _abort.Token;

    public bool IsStopping => _stopping.IsCancellationRequested;

    public bool IsAborting => _abort.IsCancellationRequested;

    /// <summary>Runs <paramref name="loop"/> on the thread pool; <paramref name="name"/> says what, should it be started twice.</summary>
    public void Start(Func<Task> loop, string name)
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException($"{name} is already running.");
        }

        _loop = Task.Run(loop);
    }

    /// <summary>
    /// Stops starting new work and waits for the loop; when <paramref name="cancellationToken"/> fires first, running
    /// work is cancelled through <see cref="Abort"/> and the loop is awaited to its end.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        using (cancellationToken.Register(() => _abort.Cancel()))
        {
            try
            {
                await _loop.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await _abort.CancelAsync();
                await _loop;
            }
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _abort.Dispose();
    }
}
