namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>The comparison of a <see cref="EwsCompareRestriction"/>.</summary>
internal enum EwsComparison
{
    IsEqualTo,
    IsNotEqualTo,
    IsGreaterThan,
    IsGreaterThanOrEqualTo,
    IsLessThan,
    IsLessThanOrEqualTo,
}
