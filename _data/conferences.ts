/**
 * IAP conferences. Only known facts are recorded: a field left out is unknown, not empty.
 * Abstracts name a conference by its id (`conference: annual-27`).
 */
export default [
  {
    id: "annual-23",
    kind: "annual",
    edition: 23,
    name: "IAP 23rd Annual Conference",
    start: "2018-09-09",
    end: "2018-09-13",
    city: "Johannesburg-Sandton",
    country: "South Africa",
  },
  {
    id: "annual-27",
    kind: "annual",
    edition: 27,
    name: "IAP 27th Annual Conference & General Meeting",
    start: "2022-09-25",
    end: "2022-09-29",
    city: "Tbilisi",
    country: "Georgia",
    host: "Office of the Prosecutor General of Georgia",
    theme: "Global Phenomena Reshaping Criminal Justice Systems",
    sessions: ["Special Interest Group Session – Heads of Prosecution Services"],
  },
  {
    id: "annual-28",
    kind: "annual",
    edition: 28,
    name: "IAP 28th Annual Conference",
    start: "2023-09-24",
    end: "2023-09-27",
    city: "London",
  },
  {
    id: "annual-29",
    kind: "annual",
    edition: 29,
    name: "IAP 29th Annual Conference",
    start: "2024-09-29",
    end: "2024-10-02",
    city: "Baku",
    country: "Azerbaijan",
    theme: "The Role of the Prosecutor in upholding the Rule of Law",
  },
  {
    id: "european-regional-18",
    kind: "regional",
    edition: 18,
    name: "18th European Regional Conference",
    start: "2024-11-06",
    end: "2024-11-08",
    city: "St Julian's",
    country: "Malta",
  },
];
