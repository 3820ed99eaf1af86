using System.Diagnostics;

namespace MailShadow.Journal.Tests.Sqlite;

/// <summary>
/// Makes a file unwritable until disposed. Permission bits do not stop root, so as root the file is marked immutable
/// (chattr +i) instead.
/// </summary>
internal sealed class ReadOnlyFile : IDisposable
{
    private readonly string _path;
    private readonly bool _immutable;

    private ReadOnlyFile(string path, bool immutable)
    {
        _path = path;
        _immutable = immutable;
    }

    public static async Task<ReadOnlyFile> MakeAsync(string path, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
            return new ReadOnlyFile(path, immutable: false);
        }

        if (Environment.IsPrivilegedProcess)
        {
            await ChattrAsync("+i", path, cancellationToken);
            return new ReadOnlyFile(path, immutable: true);
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return new ReadOnlyFile(path, immutable: false);
    }

    public void Dispose()
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(_path, File.GetAttributes(_path) & ~FileAttributes.ReadOnly);
        }
        else if (_immutable)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            ChattrAsync("-i", _path, cancel.Token).GetAwaiter().GetResult();
        }
        else
        {
            File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static async Task ChattrAsync(string flag, string path, CancellationToken cancellationToken)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("chattr did not start.");
        var errors = await chattr.StandardError.ReadToEndAsync(cancellationToken);
        await chattr.WaitForExitAsync(cancellationToken);
        if (chattr.ExitCode != 0)
        {
            throw new InvalidOperationException($"chattr {flag} {path} failed: {errors}");
        }
    }
}
