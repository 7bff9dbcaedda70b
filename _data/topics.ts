/** The topics news items are tagged with (`tags:` in front matter takes these ids). */
export default [
  {
    id: "international-cooperation",
    label: "International cooperation",
    description:
      "Cooperation between prosecution services across borders: mutual legal assistance, joint work and exchanges.",
  },
  {
    id: "memoranda-of-understanding",
    label: "Memoranda of understanding",
    description: "Agreements the IAP signs with other associations and organisations.",
  },
  {
    id: "drug-trafficking",
    label: "Drug trafficking",
    description: "Investigating and prosecuting the illicit trafficking of narcotic drugs.",
  },
  {
    id: "cybercrime",
    label: "Cybercrime",
    description: "Crime committed through computers and networks, and electronic evidence.",
  },
  {
    id: "corruption",
    label: "Corruption",
    description: "Preventing, investigating and prosecuting corruption and economic crime.",
  },
  {
    id: "human-trafficking",
    label: "Human trafficking",
    description: "Trafficking in human beings and the smuggling of migrants.",
  },
  {
    id: "terrorism",
    label: "Terrorism",
    description: "Prosecuting terrorism and its financing.",
  },
  {
    id: "victims-and-witnesses",
    label: "Victims and witnesses",
    description: "The rights, protection and support of victims and witnesses.",
  },
  {
    id: "gender-based-violence",
    label: "Gender-based violence",
    description: "Prosecuting violence against women and gender-based violence.",
  },
  {
    id: "training",
    label: "Training",
    description: "Training programmes, webinars and the IAP Global Training Academy.",
  },
  {
    id: "prosecutorial-independence",
    label: "Prosecutorial independence",
    description: "The independence of prosecutors and the standards of the profession.",
  },
  {
    id: "conferences",
    label: "Conferences",
    description: "IAP annual and regional conferences and general meetings.",
  },
];
