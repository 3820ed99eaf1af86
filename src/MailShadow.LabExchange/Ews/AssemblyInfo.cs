using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MailShadow.LabExchange.Ews.Tests")]
