/** Site-wide settings. `url` is the live site's address, used for canonical links and feeds. */
export default {
  name: "IAP News Archive",
  organisation: "International Association of Prosecutors",
  url: "https://archive.iap-association.org/",
  language: "en",
  timeZone: "Europe/Amsterdam",
  // A year before any news of the association (founded 1995): earlier dates are typos.
  archiveStart: 1990,
  description: "News and conference abstracts of the International Association of Prosecutors, founded on 6 June 1995.",
  media: { maxImageMegabytes: 20, maxDocumentMegabytes: 50, publishOriginals: false },
};
