namespace MailShadow.Demo;

/// <summary>What <c>mailshadow demo</c> was asked to do.</summary>
/// <param name="Messages">How many sample messages to send.</param>
/// <param name="DataDirectory">Where the demo keeps its state; a fresh temporary directory when null.</param>
/// <param name="Keep">Keep the state directory afterwards (it is removed otherwise when it was temporary).</param>
/// <param name="Timeout">How long to wait for both sites to catch up before declaring failure.</param>
internal sealed record DemoSettings(int Messages, string? DataDirectory, bool Keep, TimeSpan Timeout);
