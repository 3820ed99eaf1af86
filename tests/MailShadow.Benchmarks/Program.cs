using MailShadow.Benchmarks.Ews;
using MailShadow.Benchmarks.Reconciliation;

namespace MailShadow.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project tests/MailShadow.Benchmarks -- ews|reconcile</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["ews", ..])
        {
            await EwsBenchmark.RunAsync(Console.Out);
            return 0;
        }

        if (args is ["reconcile", ..])
        {
            await ReconcileBenchmark.RunAsync(Console.Out);
            return 0;
        }

        await Console.Error.WriteLineAsync("usage: MailShadow.Benchmarks ews|reconcile");
        return 2;
    }
}
