using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace MailShadow.Hosting;

/// <summary>Loads the one JSON configuration file, turning the ways it can be wrong into a readable <see cref="ConfigurationException"/>.</summary>
internal static class ConfigurationLoader
{
    /// <summary>The name of the embedded lab configuration used by <c>mailshadow demo</c>.</summary>
    public const string EmbeddedLabConfig = "mailshadow.lab.json";

    public static IConfigurationRoot FromFile(string path, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ConfigurationException($"configuration file '{full}' does not exist.");
        }

        CheckJson(File.ReadAllBytes(full), full);
        // Environment variables (MailShadow__Admin__Token=...) override the file, so secrets need not live in it.
        var builder = new ConfigurationBuilder()
            .AddJsonFile(full, optional: false, reloadOnChange: false)
            .AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }

    public static IConfigurationRoot FromEmbeddedLab(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EmbeddedLabConfig)
            ?? throw new ConfigurationException($"the embedded {EmbeddedLabConfig} is missing from this build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var builder = new ConfigurationBuilder().AddJsonStream(new MemoryStream(copy.ToArray()));
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }

    private static void CheckJson(byte[] json, string path)
    {
        try
        {
            using var _ = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"configuration file '{path}' is not valid JSON: {ex.Message}");
        }
    }
}
