namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>A node of a <c>m:Restriction</c> search expression.</summary>
internal abstract record EwsRestriction;
