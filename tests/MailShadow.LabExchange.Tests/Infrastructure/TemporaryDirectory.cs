namespace MailShadow.LabExchange.Tests.Infrastructure;

/// <summary>A directory that is deleted when the test is done.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mailshadow-lab-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file is still open on a slow shutdown; the temp folder is cleaned eventually.
        }
    }
}
