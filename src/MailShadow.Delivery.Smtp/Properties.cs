using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MailShadow.Delivery.Smtp.Tests")]
