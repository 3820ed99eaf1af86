namespace MailShadow.Reconciliation.Reading;

/// <summary>EWS requests sent by one read, counted from both sites at once.</summary>
internal sealed class ReadCounter
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Add(int requests) => Interlocked.Add(ref _calls, requests);
}
