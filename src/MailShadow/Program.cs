using System.CommandLine;
using MailShadow.Cli;
using MailShadow.Hosting;

// Before any socket exists: the runtime reads this once.
SocketCompletions.RunInline();

var root = new RootCommand("MailShadow: mail continuity for Microsoft Exchange. Forks inbound mail to two Exchange sites, durably.")
{
    RunCommand.Create(),
    LabExchangeCommand.Create(),
    DemoCommand.Create(),
    ReconcileCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
