namespace MailShadow.Ews;
internal static class AssemblyMarker;
