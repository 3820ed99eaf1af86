namespace MailShadow.Ingress.Smtp;
internal static class AssemblyMarker;
