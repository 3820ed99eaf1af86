namespace MailShadow.Journal.Sqlite;
internal static class AssemblyMarker;
