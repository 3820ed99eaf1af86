using MailShadow.Benchmarks.Ews;

namespace MailShadow.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project tests/MailShadow.Benchmarks -- ews</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["ews", ..])
        {
            await EwsBenchmark.RunAsync(Console.Out);
            return 0;
        }

        await Console.Error.WriteLineAsync("usage: MailShadow.Benchmarks ews");
        return 2;
    }
}
