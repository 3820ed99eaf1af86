namespace MailShadow.Ews.Tests.Support;

/// <summary>Bounded waits on a real clock.</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Fails unless the task completes within the bound.</summary>
    public static async Task<T> BoundedAsync<T>(Task<T> task, TimeSpan? timeout = null)
    {
        var bound = timeout ?? TimeSpan.FromSeconds(20);
        var finished = await Task.WhenAny(task, Task.Delay(bound));
        return finished == task ? await task : throw new TimeoutException($"The call did not finish within {bound}.");
    }
}
