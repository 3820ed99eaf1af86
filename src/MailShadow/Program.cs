using System.CommandLine;
using MailShadow.Cli;

var root = new RootCommand("MailShadow: mail continuity for Microsoft Exchange. Forks inbound mail to two Exchange sites, durably.")
{
    RunCommand.Create(),
    LabExchangeCommand.Create(),
    DemoCommand.Create(),
    ReconcileCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
