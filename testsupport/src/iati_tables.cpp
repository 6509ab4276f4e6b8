#include "iati_tables.h"

namespace fouille::testsupport::detail {

const std::vector<Sector> kSectors = {
    {"11220", "l’enseignement primaire", "primary education"},
    {"11330", "la formation professionnelle", "vocational training"},
    {"12220", "la santé de base", "basic health care"},
    {"12240", "la nutrition de base", "basic nutrition"},
    {"12261", "l’éducation à la santé", "health education"},
    {"13020", "la santé reproductive", "reproductive health care"},
    {"14030", "l’accès à l’eau potable et à l’assainissement", "basic drinking water and sanitation"},
    {"15110", "la gestion des finances publiques", "public sector management"},
    {"15130", "la justice et l’État de droit", "legal and judicial development"},
    {"15150", "la participation citoyenne et la société civile", "democratic participation and civil society"},
    {"15170", "l’égalité entre les femmes et les hommes", "gender equality"},
    {"15190", "la migration sûre et ordonnée", "safe and orderly migration"},
    {"15220", "la consolidation de la paix", "peace-building and conflict prevention"},
    {"16010", "la protection sociale", "social protection"},
    {"16020", "l’emploi des jeunes", "youth employment"},
    {"21020", "la réhabilitation des pistes rurales", "rural road rehabilitation"},
    {"23210", "l’accès aux énergies renouvelables", "renewable energy access"},
    {"31120", "l’agriculture familiale", "family farming"},
    {"31161", "la production vivrière", "food crop production"},
    {"32130", "la création de petites entreprises", "small business development"},
    {"41010", "la gestion de l’environnement", "environmental management"},
    {"43040", "l’aménagement rural", "rural development"},
    {"72010", "l’aide humanitaire d’urgence", "emergency relief"},
    {"72040", "l’assistance alimentaire d’urgence", "emergency food assistance"},
    {"73010", "la reconstruction après la crise", "post-crisis reconstruction"},
    {"74020", "la préparation aux catastrophes", "disaster preparedness"},
};

const std::vector<Region> kRegions = {
    {"189", "Afrique du Nord", "North Africa"},
    {"289", "Afrique subsaharienne", "Sub-Saharan Africa"},
    {"298", "Afrique", "Africa"},
    {"389", "Caraïbes et Amérique centrale", "Caribbean and Central America"},
    {"589", "Moyen-Orient", "Middle East"},
    {"619", "Asie centrale", "Central Asia"},
    {"998", "Pays en développement", "Developing countries"},
    {"1027", "Afrique de l’Est", "East Africa"},
    {"1028", "Afrique centrale", "Middle Africa"},
    {"1030", "Afrique de l’Ouest", "West Africa"},
};

// Where most French-language aid goes; the rest of the ICU table fills in.
const std::vector<std::string> kFocusCountries = {
    "BF", "BI", "BJ", "CD", "CF", "CG", "CI", "CM", "DJ", "GA", "GN", "HT", "KH", "KM",
    "LA", "LB", "MA", "MG", "ML", "MR", "NE", "RW", "SN", "TD", "TG", "TN", "VN",
};

const std::vector<Publisher> kPublishers = {
    {"FR-3", "10", "Agence française de développement", "French Development Agency", "EUR", "fr", "C", true, 6, 0.5,
     0.25},
    {"XM-DAC-41114", "40", "Programme des Nations unies pour le développement", "United Nations Development Programme",
     "USD", "en", "PROJECT-", false, 8, 1.3, 0.20},
    {"CA-3", "10", "Affaires mondiales Canada", "Global Affairs Canada", "CAD", "EN", "D", false, 9, 1.7, 0.12},
    {"XM-DAC-47066", "40", "Organisation internationale pour les migrations",
     "International Organization for Migration", "USD", "en", "PR", false, 7, 1.2, 0.12},
    {"XI-IATI-EC_INTPA", "15", "Commission européenne – Partenariats internationaux",
     "European Commission - International Partnerships", "EUR", "en", "CRIS-", false, 8, 1.3, 0.13},
    {"BE-BCE_KBO-0264814354", "10", "Enabel, Agence belge de développement", "Enabel, Belgian development agency",
     "EUR", "fr", "", true, 6, 0.6, 0.10},
    // A small French association, as a publishing tool would write it; fictitious.
    {"FR-RNA-W999000001", "21", "Solidarité Villages du Sahel", nullptr, "EUR", "fr", "SVS-", false, 5, 0.2, 0.08},
};

const std::vector<Org> kImplementers = {
    {"", "10", "Ministère de la Santé publique"},
    {"", "10", "Ministère de l’Agriculture et de l’Élevage"},
    {"", "10", "Ministère de l’Éducation nationale"},
    {"", "10", "Ministère de la Justice"},
    {"", "15", "Agence nationale pour l’emploi"},
    {"", "22", "Croix-Rouge nationale"},
    {"", "22", "Association des femmes rurales"},
    {"", "21", "Caritas"},
    {"", "21", "Action contre la faim"},
    {"", "23", "Réseau régional des chambres d’agriculture"},
    {"", "70", "Bureau d’études Sahel Conseil"},
    {"", "80", "Université nationale"},
    {"XM-DAC-928", "40", "Organisation mondiale de la santé"},
    {"XM-DAC-41122", "40", "Fonds des Nations unies pour l’enfance"},
    {"XM-DAC-41140", "40", "Programme alimentaire mondial"},
};

const std::vector<std::string> kActionsFr = {"Appui à ",         "Renforcement de ",     "Programme d’appui à ",
                                             "Amélioration de ", "Projet de soutien à ", "Promotion de "};
const std::vector<std::string> kActionsEn = {"Support to ", "Strengthening ", "Programme for ", "Improving "};
const std::vector<std::string> kSentencesEn = {
    "Activities include training, technical assistance and the provision of equipment to local partners.",
    "The project works with national authorities, civil society organisations and communities.",
    "Expected results include better access to services for women, young people and vulnerable households.",
    "A monitoring framework tracks progress against the indicators agreed with the partners.",
    "The action contributes to the Sustainable Development Goals and to the national development plan.",
    "Particular attention is paid to gender equality and to the most remote areas.",
    "Local organisations take part in the design, the implementation and the evaluation of the activities.",
};

}  // namespace fouille::testsupport::detail
