// The account info the XFS document template shows (media.cm's example reply, copied by
// vipstream.cc, watching.vn and several other hosts' documents), as VidRelay reads it.
export const xfsTemplateInfo = {
  login: 'megauploader21',
  email: '[email protected]',
  balance: 108,
  storageUsed: 685101,
  storageLeft: 1288483337,
  premium: true,
  premiumExpire: '2022-10-15T04:46:59.000Z',
  filesTotal: 31,
};
