namespace MailShadow.LabExchange;
internal static class AssemblyMarker;
