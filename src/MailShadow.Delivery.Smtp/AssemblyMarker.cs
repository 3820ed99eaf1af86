namespace MailShadow.Delivery.Smtp;
internal static class AssemblyMarker;
