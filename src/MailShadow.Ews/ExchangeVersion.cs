namespace MailShadow.Ews;

/// <summary>
/// The Exchange version a site runs, which decides the <c>RequestServerVersion</c> sent. Exchange 2019 and Exchange SE
/// reject <c>Exchange2019</c> (it is not in their schema), so both send <c>Exchange2016</c>.
/// </summary>
public enum ExchangeVersion
{
    Exchange2010_SP2,
    Exchange2013,
    Exchange2013_SP1,
    Exchange2016,
    Exchange2019,
    ExchangeSE,
}
