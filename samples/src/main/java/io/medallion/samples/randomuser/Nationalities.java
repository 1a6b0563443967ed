package io.medallion.samples.randomuser;

import java.util.ArrayList;
import java.util.List;

/**
 * The 21 nationalities of the API 1.4. Names, places and layouts follow real API responses; phone
 * prefixes are restricted to ranges that Google libphonenumber accepts for the country, so that
 * numbers are valid unless a record is deliberately dirtied.
 */
final class Nationalities {

  static final List<Nationality> ALL =
      List.of(
          nat("AU", "Australia")
              .male(
                  "Allen|Anthony|Barry|Bernard|Brian|Byron|Caleb|Carl|Clarence|Daryl|"
                      + "Enrique|Evan|Francis|Gary|Ian|Ivan|Jack|Jared|Jerry|Jimmie|Kent|"
                      + "Mario|Melvin|Nicholas|Randy|Roberto|Roland|Ron|Scott|Ted")
              .female(
                  "Alexis|Amber|Ashley|Aubrey|Ava|Beth|Catherine|Christine|Clara|Daisy|"
                      + "Denise|Edith|Ella|Erica|Felicia|Gabriella|Gina|Herminia|Jane|Judith|"
                      + "Judy|Julia|Kay|Lauren|Lillian|Lily|Nicole|Nora|Pearl|Vera")
              .last(
                  "Allen|Andrews|Barnett|Beck|Burton|Butler|Campbell|Clark|Collins|"
                      + "Crawford|Cunningham|Dixon|Fisher|Foster|Frazier|Fuller|Gomez|Green|"
                      + "Henry|Hernandez|Hughes|James|Jones|Kennedy|Lawson|Lee|Marshall|"
                      + "Matthews|Moreno|Morris|Myers|Perkins|Roberts|Robertson|Ross|Shelton|"
                      + "Stone|Tucker|Wade|Wallace")
              .cities(
                  "Adelaide|Albany|Albury|Bathurst|Bendigo|Bowral|Busselton|Cairns|"
                      + "Coffs Harbour|Darwin|Devonport|Geelong|Gladstone|Hobart|Kalgoorlie|"
                      + "Launceston|Mackay|Melbourne|Perth|Port Macquarie|Queanbeyan|"
                      + "Rockhampton|Shepparton|Sunshine Coast|Tamworth|Townsville|Traralgon|"
                      + "Tweed|Wagga Wagga|Warrnambool")
              .states(
                  "Australian Capital Territory|New South Wales|Northern Territory|"
                      + "Queensland|South Australia|Tasmania|Victoria|Western Australia")
              .streets(
                  "Adams St|Bruce St|Central St|Cherry St|Crockett St|Dane St|"
                      + "E Sandy Lake Rd|Edwards Rd|Homestead Rd|James St|Lone Wolf Trail|"
                      + "Mcgowen St|Oak Ridge Ln|Paddock Way|Poplar Dr|Samaritan Dr|"
                      + "Taylor St|Valley View Ln|Walnut Hill Ln|Wheeler Ridge Dr")
              .postcode(PostcodeFormat.numeric(200, 9999))
              .phone(
                  "0P-PP##-####",
                  "200 208 224 242 250 268 284 292 308 324 332 350 367 376 392 708 716 733 749 757"
                      + " 783 799 866 883")
              .cell(
                  "04PP-###-###",
                  "00 02 06 11 13 17 22 24 28 33 35 40 49 51 57 61 63 68 73 75 81 86 89 93")
              .id("TFN", Ids.template("#########"))
              .build(),
          nat("BR", "Brazil")
              .male(
                  "Abssilão|Adeodato|Adonias|Adriano|Alvário|Amadis|Amílcar|Anael|"
                      + "Andrés|Baltasar|Bonifácio|Celísio|Eduíno|Enio|Estêvão|Filino|Ioque|"
                      + "Jair|Job|Lael|Manel|Marolo|Naod|Narsélio|Primo|Páris|Querubim|"
                      + "Rigoberto|Selmo|Teodomiro")
              .female(
                  "Alcione|Altamira|Cerilânia|Cilene|Cleópatra|Custódia|Dila|Dâni|Elba|"
                      + "Florentina|Francine|Genoveva|Hermelinda|Josina|Laíssa|Lorena|Louise|"
                      + "Lucineide|Maiara|Marilu|Paola|Patrizia|Poliana|Salete|Sofia|"
                      + "Valdirene|Wanner|Zilda|Zilá|Zoraida")
              .last(
                  "Almeida|Alves|Caldeira|Cardoso|Carvalho|Cavalcanti|Dias|Farias|"
                      + "Fernandes|Freitas|Gomes|Gonçalves|Jesus|Lima|Mendes|Monteiro|Moraes|"
                      + "Moreira|Nascimento|Novaes|Nunes|Oliveira|Peixoto|Pinto|Pires|Porto|"
                      + "Rezende|Rodrigues|Santos|Silveira|Souza|Vieira|da Conceição|"
                      + "da Cunha|da Luz|da Mata|da Mota|da Rocha|da Rosa|das Neves")
              .cities(
                  "Americana|Açailândia|Barreiras|Birigüi|Blumenau|Boa Vista|"
                      + "Cachoeirinha|Caraguatatuba|Codó|Criciúma|Cubatão|Eunápolis|Goiânia|"
                      + "Guarapuava|Itatiba|Jaraguá do Sul|Jaú|Juazeiro do Norte|Macaé|"
                      + "Maranguape|Nilópolis|Passo Fundo|Ribeirão Preto|Rio das Ostras|"
                      + "Sapucaia do Sul|Simões Filho|São José de Ribamar|São Vicente|"
                      + "Taubaté|Vitória de Santo Antão")
              .states(
                  "Acre|Alagoas|Amapá|Amazonas|Bahia|Distrito Federal|Espírito Santo|"
                      + "Goiás|Maranhão|Mato Grosso do Sul|Minas Gerais|Paraná|Paraíba|Pará|"
                      + "Pernambuco|Piauí|Rio Grande do Norte|Rio Grande do Sul|"
                      + "Rio de Janeiro|Roraima|Santa Catarina|Sergipe|São Paulo|Tocantins")
              .streets(
                  "Avenida Brasil|Avenida da Legalidade|Rua Boa Vista|Rua Carlos Gomes|"
                      + "Rua Duque de Caxias|Rua José Bonifácio|Rua Mato Grosso|Rua Paraná|"
                      + "Rua Pernambuco|Rua Piauí|Rua Quatro|Rua Quinze de Novembro|"
                      + "Rua Santa Luzia|Rua Santa Maria|Rua São Francisco|Rua Tiradentes|"
                      + "Rua Três|Rua Um|Rua Vinte de Setembro|Rua da Saudade")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "(PP) P###-####",
                  "112 124 162 193 222 283 335 353 415 452 465 512 554 622 654 685 714 755 823 835"
                      + " 873 914 933 964")
              .cell(
                  "(PP) P###-####",
                  "117 127 167 197 227 287 337 357 417 457 467 517 557 627 657 687 717 757 827 837"
                      + " 877 917 937 967")
              .id("CPF", Ids.template("###.###.###-##"))
              .build(),
          nat("CA", "Canada")
              .male(
                  "Aiden|Alexander|Alexis|Anthony|Arthur|Benjamin|Bently|Charles|"
                      + "Daniel|Dominic|Felix|Hunter|James|Jayden|Justin|Logan|Lucas|Malik|"
                      + "Mason|Noah|Oliver|Owen|Philip|Philippe|Ryan|Simon|Victor|Vincent|"
                      + "Xavier|Zachary")
              .female(
                  "Addison|Alexis|Annabelle|Aubree|Aubrey|Chloe|Elizabeth|Emily|Eva|"
                      + "Florence|Hannah|Harper|Isabella|Jeanne|Julia|Lily|Marianne|Marilou|"
                      + "Megan|Melodie|Mia|Rose|Sophia|Sophie|Victoria")
              .last(
                  "Abraham|Andersen|Bouchard|Brar|Bélanger|Chow|Chu|Clark|Denys|Ennis|"
                      + "Gauthier|Gill|Grewal|Harcourt|Harris|Jones|Knight|Lam|Lavigne|"
                      + "Lavoie|Lo|Lévesque|Ma|Macdonald|Martin|Morin|Novak|Ouellet|Patel|"
                      + "Ross|Scott|Singh|Sirko|Slawa|Smith|Tremblay|Walker|White|Wilson|Wong")
              .cities(
                  "Alma|Borden|Burlington|Carleton|Cartwright|Chelsea|Cornwall|"
                      + "Cumberland|Deer Lake|Elgin|Fauquier|Field|Fountainbleu|Georgetown|"
                      + "Grand Falls|Havelock|Hudson|Inverness|Jasper|Lafontaine|"
                      + "Lloydminster|Maidstone|Notre Dame de Lourdes|Oakville|Sandy Lake|"
                      + "Southampton|Springfield|Tecumseh|Waterloo|Wellington")
              .states(
                  "Alberta|British Columbia|Manitoba|New Brunswick|"
                      + "Newfoundland and Labrador|Northwest Territories|Nova Scotia|Nunavut|"
                      + "Ontario|Prince Edward Island|Québec|Saskatchewan|Yukon")
              .streets(
                  "15th St|22nd Ave|9th St|Arctic Way|Bay Ave|Brock Rd|"
                      + "Concession Road 6|Dalhousie Ave|Dufferin St|Duke St|Frederick Ave|"
                      + "Grand Ave|King St|Lakeview Ave|Oak St|Parliament St|Queen St|"
                      + "Richmond Ave|Stanley Way|Tecumseh Rd")
              .postcode(PostcodeFormat.text("L#L #L#"))
              .phone(
                  "PPP-N##-####",
                  "204 226 250 263 306 365 368 403 418 437 450 474 519 548 584 613 639 683 742 753"
                      + " 782 825 867 902")
              .cell(
                  "PPP-N##-####",
                  "204 226 250 263 306 365 368 403 418 437 450 474 519 548 584 613 639 683 742 753"
                      + " 782 825 867 902")
              .id("SIN", Ids.template("#########"))
              .build(),
          nat("CH", "Switzerland")
              .titles("Monsieur", "Madame|Mademoiselle")
              .male(
                  "Afrim|Alban|Alessandro|António|Artur|Ben|Bojan|Bujar|Clément|Dino|"
                      + "Edmond|Florian|Hasan|Henry|James|Jean|Livio|Marino|Milos|Niklas|"
                      + "Niklaus|Pedro|Pierre-Alain|Rayan|Richard|Samir|Samuele|Thierry|"
                      + "Timon|Vladimir")
              .female(
                  "Angélique|Annika|Beatriz|Carmen|Cornelia|Elvira|Emanuela|Estelle|"
                      + "Evelyn|Gisela|Géraldine|Irene|Jeanne|Jocelyne|Jutta|Klara|Lana|"
                      + "Louise|Margarete|Marilena|Martina|Mary|Noemi|Roberta|Romana|Rose|"
                      + "Sara|Sibylle|Simone|Vivienne")
              .last(
                  "Barbier|Berger|Bertrand|Blanc|Brun|Caron|Chevalier|Clement|Dumas|"
                      + "Durand|Duval|Fleury|Francois|Gaillard|Garnier|Gautier|Gonzalez|"
                      + "Guerin|Guillot|Henry|Jean|Lambert|Lecomte|Lefevre|Louis|Lucas|Marie|"
                      + "Martin|Meunier|Meyer|Morin|Muller|Picard|Rey|Richard|Riviere|"
                      + "Rolland|Roux|Sanchez|Thomas")
              .cities(
                  "Alterswil|Berlingen|Biezwil|Bättwil|Crésuz|Ergisch|Erlinsbach (So)|"
                      + "Fahy|Frauenkappelen|Gambarogno|Grindelwald|Grüningen|"
                      + "Hofstetten bei Brienz|Hölstein|Konolfingen|Mervelier|Miglieglia|"
                      + "Rechthalten|Schmitten (Fr)|Sils im Domleschg|Sisseln|Staufen|"
                      + "Stocken-Höfen|Subingen|Trélex|Unterbäch|Wangen an der Aare|"
                      + "Wildhaus-Alt St. Johann|Wolfenschiessen|Wängi")
              .states(
                  "Aargau|Appenzell Ausserrhoden|Appenzell Innerrhoden|"
                      + "Basel-Landschaft|Basel-Stadt|Bern|Fribourg|Genève|Glarus|Graubünden|"
                      + "Jura|Luzern|Neuchâtel|Nidwalden|Obwalden|Schaffhausen|Schwyz|"
                      + "Solothurn|St. Gallen|Thurgau|Ticino|Uri|Valais|Vaud|Zug|Zürich")
              .streets(
                  "Avenue Debourg|Avenue Jean-Jaurès|Grande Rue|Place de L'Abbé-Basset|"
                      + "Place de L'Abbé-Georges-Hénocque|Place de L'Europe|"
                      + "Place de la Mairie|Place du 8 Février 1962|Rue Barrier|"
                      + "Rue D'Abbeville|Rue Docteur-Bonhomme|Rue Duguesclin|"
                      + "Rue Louis-Garrand|Rue Pasteur|Rue de Gerland|Rue de L'Abbaye|"
                      + "Rue de la Barre|Rue de la Gare|Rue des Cuirassiers|"
                      + "Rue du Cardinal-Gerlier")
              .postcode(PostcodeFormat.numeric(1000, 9999))
              .phone("0PP ### ## ##", "21 22 24 26 27 31 32 33 34 41 43 44 52 55 56 61 62 71 81 91")
              .cell("0PP ### ## ##", "75 76 77 78 79")
              .id("AVS", Ids.template("756.####.####.##"))
              .build(),
          nat("DE", "Germany")
              .male(
                  "Adrian|Albin|Aleksandr|Alf|Alfredo|Andree|Christopher|Cornelius|"
                      + "Edward|Erol|Fedor|Finn|Frederic|Gerald|Gero|Gundolf|Gunter|"
                      + "Hans-Jörg|Hansjürgen|Hauke|Isidor|Jörn|Leonard|Mariusz|Paul-Heinz|"
                      + "Pavel|Piotr|Ramon|Raphael|Richard")
              .female(
                  "Aline|Annamaria|Annika|Cornelia|Danica|Denise|Giovanna|Giuseppina|"
                      + "Halina|Heide-Marie|Heidi|Helen|Klaudia|Larissa|Lena|Louise|Lucia|"
                      + "Ludwina|Maria-Theresia|Martha|Meral|Nermin|Ortrun|Petra|Simona|"
                      + "Solveig|Tabea|Veronika|Veronique|Violetta")
              .last(
                  "Bachmann|Bartelt|Bast|Bieber|Bohm|Brendel|Daniels|Dittmer|Eckl|"
                      + "Esser|Gebel|Greger|Heimann|Heiß|Held|Hennemann|Hopf|Ihle|Irrgang|"
                      + "Kammer|Kratzer|Köller|Maier|Markert|Meise|Milz|Nix|Piller|"
                      + "Rautenberg|Roder|Rößler|Scheer|Schnell|Schnoor|Schreier|Schupp|"
                      + "Stecher|Stotz|Stutz|Völkel")
              .cities(
                  "Ahrensburg|Bad Karlshafen|Bernburg (Saale)|Burgstädt|Bürgel|Creußen|"
                      + "Diez|Dillingen A.D. Donau|Freiberg am Neckar|Ginsheim-Gustavsburg|"
                      + "Hückelhoven|Kaiserslautern|Kolbermoor|Lauterstein|Lichtenfels|Löhne|"
                      + "Mainz|Miesbach|Moosburg an der Isar|Nastätten|Naunhof|Rendsburg|"
                      + "Rodalben|Schönwald|Vacha|Velen|Waischenfeld|Waldeck-Frankenberg|"
                      + "Warburg|Würselen")
              .states(
                  "Baden-Württemberg|Bayern|Berlin|Brandenburg|Hamburg|Hessen|"
                      + "Mecklenburg-Vorpommern|Niedersachsen|Nordrhein-Westfalen|"
                      + "Rheinland-Pfalz|Saarland|Sachsen|Sachsen-Anhalt|Schleswig-Holstein|"
                      + "Thüringen")
              .streets(
                  "Ahornweg|Am Bahnhof|Bahnhofstraße|Birkenstraße|Blumenstraße|"
                      + "Brunnenstraße|Erlenweg|Feldstraße|Goethestraße|Grüner Weg|"
                      + "Kastanienweg|Kirchplatz|Lindenstraße|Mittelstraße|Mühlweg|"
                      + "Neue Straße|Römerstraße|Schillerstraße|Waldstraße|Waldweg")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "0PPP-#######",
                  "201 219 254 294 331 367 407 425 462 507 525 561 602 619 654 691 712 750 794 815"
                      + " 855 897 920 955")
              .cell("01PP-#######", "70 71 72 73 74 75 76 77 78 79")
              .id("SVNR", Ids::germanSocialInsurance)
              .build(),
          nat("DK", "Denmark")
              .male(
                  "Adam|Albert|Andreas|Anton|August|Benjamin|Christian|Elias|Emil|"
                      + "Felix|Gustav|Jacob|Johan|Jonas|Jonathan|Lucas|Mathias|Mikkel|"
                      + "Nikolaj|Oliver|Oscar|Silas|Simon|Storm|Tobias|Tristan|Villads|"
                      + "William")
              .female(
                  "Alberte|Asta|Caroline|Cecilie|Filippa|Freja|Frida|Isabella|Johanne|"
                      + "Josefine|Julie|Katrine|Maja|Malou|Maria|Marie|Mathilde|Naja|Nanna|"
                      + "Olivia|Rosa|Silke|Tilde|Victoria")
              .last(
                  "Andersen|Christensen|Christiansen|Hansen|Jensen|Johansen|Jørgensen|"
                      + "Kristensen|Larsen|Madsen|Mortensen|Møller|Nielsen|Olsen|Pedersen|"
                      + "Petersen|Poulsen|Rasmussen|Sørensen|Thomsen")
              .cities(
                  "Aaborg Øst|Aarhus|Aarhus N|Assens|Beder|Billum|Bælum|Esbjerg V|"
                      + "Gjerlev|Hornbæk|Jerslev Sj|Juelsminde|Kvistgaard|København Sv|"
                      + "København V|Lemvig|Nørre Sundby|Oure|Ryslinge|Rødvig Stevns|Sandved|"
                      + "Sommersted|St.Merløse|Stenderup|Sundby|Sundby/Erslev|Tisvilde|"
                      + "V.Skerninge|Vesterborg|Viby Sj.")
              .states("Danmark|Hovedstaden|Midtjylland|Nordjylland|Sjælland|Syddanmark")
              .streets(
                  "Agervej|Blomstervænget|Buen|Dalgårdsvej|Ellemosevej|Engen|"
                      + "Hans Egedes Vej|Havnegade|Huginsvej|Hyacintvej|Mågevej|Park Alle|"
                      + "Skelagervej|Skolevej|Sletten|Sofievej|Søndertoften|Thistedvej|"
                      + "Trekanten|Tåstrupvej")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "PPP#####",
                  "201 216 233 249 265 280 296 313 329 354 376 394 412 428 446 464 492 515 532 554"
                      + " 576 602 618 637")
              .cell(
                  "PPP#####",
                  "201 218 237 256 273 291 308 327 346 365 383 402 419 438 457 476 495 514 532 551"
                      + " 569 588 607 625")
              .id("CPR", Ids::danishCpr)
              .build(),
          nat("ES", "Spain")
              .male(
                  "Adolfo|Alvaro|Borja|Carlos|Cesar|David|Diego|Domingo|Eduardo|"
                      + "Esteban|Felipe|Félix|Gabriel|Gregorio|Gustavo|Isaac|Jesus|Joaquin|"
                      + "Jorge|Julio|Luis|Marcos|Miguel|Mohamed|Pedro|Ramon|Roberto|Samuel|"
                      + "Santiago|Sergio")
              .female(
                  "Adriana|Alicia|Andrea|Antonia|Beatriz|Belen|Carla|Carmen|Claudia|"
                      + "Consuelo|Elisa|Emilia|Francisca|Isabel|Josefa|Josefina|Juana|Laura|"
                      + "Lourdes|Luz|Natalia|Nerea|Patricia|Pilar|Remedios|Rocio|Rosa|Teresa|"
                      + "Trinidad|Veronica")
              .last(
                  "Aguilar|Arias|Caballero|Cabrera|Castillo|Cortes|Crespo|Delgado|"
                      + "Domínguez|Flores|Gallardo|Gil|Gonzalez|González|Gutierrez|Gómez|"
                      + "Herrera|Hidalgo|Iglesias|Leon|Marin|Martin|Martinez|Medina|Molina|"
                      + "Montero|Mora|Moreno|Nuñez|Peña|Prieto|Ramirez|Rojas|Roman|Romero|"
                      + "Sanchez|Santiago|Santos|Sanz|Torres")
              .cities(
                  "Alcobendas|Alicante|Almería|Burgos|Cartagena|Castellón de la Plana|"
                      + "Cuenca|Córdoba|Elche|Fuenlabrada|Gijón|Guadalajara|"
                      + "Las Palmas de Gran Canaria|Logroño|Lorca|Murcia|Orense|Orihuela|"
                      + "Pamplona|Parla|Pontevedra|San Sebastián|San Sebastián de Los Reyes|"
                      + "Santa Cruz de Tenerife|Santiago de Compostela|Talavera de la Reina|"
                      + "Toledo|Valladolid|Vigo|Vitoria")
              .states(
                  "Andalucía|Asturias|Canarias|Cantabria|Castilla la Mancha|"
                      + "Castilla y León|Cataluña|Ceuta|Comunidad Valenciana|"
                      + "Comunidad de Madrid|Extremadura|Galicia|Islas Baleares|La Rioja|"
                      + "Melilla|Navarra|País Vasco|Región de Murcia")
              .streets(
                  "Avenida de América|Avenida de Andalucía|Avenida de Castilla|"
                      + "Avenida de La Albufera|Calle Nebrija|Calle de Alberto Aguilera|"
                      + "Calle de Arganzuela|Calle de Argumosa|Calle de Bravo Murillo|"
                      + "Calle de Ferraz|Calle de La Democracia|Calle de La Luna|"
                      + "Calle de Segovia|Calle de Tetuán|Calle de Téllez|"
                      + "Calle de Ángel García|Calle del Barquillo|Calle del Pez|"
                      + "Paseo de Extremadura|Paseo de Zorrilla")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "PPP-###-###",
                  "910 911 915 919 921 925 928 931 935 939 942 945 949 951 955 958 960 964 968 971"
                      + " 975 979 981 985")
              .cell(
                  "PPP-###-###",
                  "600 602 607 612 615 620 625 627 632 637 640 645 650 652 657 662 665 670 675 677"
                      + " 682 687 690 695")
              .id("DNI", Ids::spanishDni)
              .build(),
          nat("FI", "Finland")
              .male(
                  "Aapo|Aatu|Anton|Eeli|Eelis|Eemeli|Elias|Jesse|Joona|Julius|Luukas|"
                      + "Mikael|Miro|Niilo|Niklas|Oskari|Otto|Roope|Toivo|Topias|Veeti|Vilho|"
                      + "Viljami|Väinö")
              .female(
                  "Aada|Amanda|Anni|Ella|Elli|Enni|Hilla|Iida|Iina|Iiris|Julia|Lilja|"
                      + "Linnea|Minttu|Nella|Nelli|Oona|Peppi|Pinja|Ronja|Sofia|Veera|Venla|"
                      + "Viivi|Vilma")
              .last(
                  "Ahonen|Couri|Hannula|Hokkanen|Jokela|Kalm|Karjala|Keranen|Kivisto|"
                      + "Koivisto|Kokko|Korhonen|Koskinen|Kujala|Kumpula|Kurtti|Lassila|"
                      + "Latvala|Lehtinen|Lehtonen|Luoma|Maki|Manni|Murto|Nikula|Niskanen|"
                      + "Ojala|Paavola|Peltola|Polon|Pulkkinen|Puro|Ruona|Saari|Saksa|"
                      + "Salminen|Tuomala|Tuominen|Waisanen|Wirta")
              .cities(
                  "Enontekiö|Eurajoki|Haapajärvi|Heinävesi|Hervanta|Imatra|Jomala|"
                      + "Joutsa|Kitee|Kumlinge|Kuortane|Kuusamo|Kärkölä|Laihia|Liperi|Nilsiä|"
                      + "Nurmijärvi|Orivesi|Paltamo|Petäjävesi|Pornainen|Pälkäne|Raisio|"
                      + "Rauma|Siilinjärvi|Sulkava|Suomenniemi|Vaala|Vehmaa|Vihti")
              .states(
                  "Central Finland|Central Ostrobothnia|Finland Proper|Kainuu|"
                      + "Kymenlaakso|Lapland|North Karelia|Northern Ostrobothnia|"
                      + "Northern Savonia|Ostrobothnia|Pirkanmaa|Päijät-Häme|Satakunta|"
                      + "South Karelia|Southern Ostrobothnia|Southern Savonia|"
                      + "Tavastia Proper|Uusimaa|Åland")
              .streets(
                  "Aleksanterinkatu|Bulevardi|Esplanadi|Hatanpään Valtatie|Hermiankatu|"
                      + "Hämeenkatu|Korkeavuorenkatu|Mannerheimintie|Mechelininkatu|"
                      + "Nordenskiöldinkatu|Otavalankatu|Pirkankatu|Pyynikintie|"
                      + "Rautatienkatu|Reijolankatu|Satakennankatu|Siilitie|Suvantokatu|"
                      + "Tehtaankatu|Verkatehtaankatu")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "0P-P##-###",
                  "21 22 24 27 28 32 35 36 38 53 54 56 61 62 64 67 68 82 85 86 88 93 94 96")
              .cell(
                  "04P-P##-##-##",
                  "00 02 06 11 13 18 22 24 29 33 36 40 45 47 51 56 58 63 67 69 74 78 81 85")
              .id("HETU", Ids::finnishHetu)
              .build(),
          nat("FR", "France")
              .male(
                  "Alessio|Ezio|Fabien|Florian|Ilyès|Jonas|Julien|Kenzo|Loan|Lucas|"
                      + "Léon|Mathieu|Matthieu|Matéo|Maxence|Noe|Owen|Ruben|Samuel|Tony")
              .female(
                  "Anaëlle|Apolline|Cassandre|Clémentine|Célia|Elise|Elsa|Laura|Louane|"
                      + "Louisa|Louise|Lucy|Luna|Lya|Lylou|Maëlyne|Mia|Mélissa|Océane|Rachel|"
                      + "Romane|Sandra|Sara|Sophie|Tessa")
              .last(
                  "Bernard|Brun|Carpentier|Chevalier|David|Dubois|Dufour|Dumont|Duval|"
                      + "Faure|Fleury|Fontai|Gaillard|Gauthier|Gerard|Girard|Gonzalez|Guerin|"
                      + "Guillaume|Joly|Leclercq|Lefebvre|Legrand|Lucas|Martin|Masson|"
                      + "Mathieu|Michel|Morel|Perrin|Petit|Pierre|Richard|Rousseau|Roux|Roy|"
                      + "Sanchez|Vidal")
              .cities(
                  "Angers|Argenteuil|Aubervilliers|Avignon|Besançon|Brest|"
                      + "Champigny-sur-Marne|Clermont-Ferrand|Colombes|Dunkerque|Grenoble|"
                      + "Le Havre|Le Mans|Lille|Lyon|Marseille|Montpellier|Montreuil|"
                      + "Mulhouse|Nanterre|Pau|Reims|Roubaix|Rouen|Rueil-Malmaison|"
                      + "Saint-Pierre|Strasbourg|Toulon|Tourcoing|Tours")
              .states(
                  "Ain|Aube|Bas-Rhin|Calvados|Charente|Corrèze|Corse-du-Sud|Creuse|"
                      + "Drôme|Essonne|Gers|Haut-Rhin|Haute-Corse|Haute-Garonne|Haute-Marne|"
                      + "Haute-Saône|Hautes-Alpes|Indre|Indre-et-Loire|Loir-et-Cher|Loire|"
                      + "Loire-Atlantique|Lot-et-Garonne|Maine-et-Loire|Meurthe-et-Moselle|"
                      + "Morbihan|Moselle|Oise|Paris|Pyrénées-Orientales|Saône-et-Loire|"
                      + "Seine-Saint-Denis|Somme|Territoire De Belfort|Vaucluse|Vendée|"
                      + "Vienne|Vosges|Yonne")
              .streets(
                  "Avenue Goerges Clémenceau|Avenue Jean-Jaurès|Avenue des Ternes|"
                      + "Avenue du Château|Montée Saint-Barthélémy|Montée du Chemin-Neuf|"
                      + "Place des 44 Enfants D'Izieu|Place du 8 Février 1962|Rue Baraban|"
                      + "Rue Barrier|Rue Duguesclin|Rue Dumenge|Rue de Bonnel|Rue de Cuire|"
                      + "Rue de L'Abbé-Gillet|Rue de L'Abbé-Roger-Derry|Rue de la Mairie|"
                      + "Rue des Cuirassiers|Rue du Bon-Pasteur|Rue du Bât-D'Argent")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "0P-P#-##-##-##",
                  "10 11 13 15 17 19 21 22 25 28 29 32 34 35 38 41 42 44 47 48 50 53 54 56")
              .cell("0P-P#-##-##-##", "60 61 62 64 65 66 67 68 73 74 75 76 77 78 79")
              .id("INSEE", Ids::frenchInsee)
              .build(),
          nat("GB", "United Kingdom")
              .male(
                  "Alvin|Bobby|Brad|Bradley|Callum|Christian|Cory|Daryl|Duane|Eric|Guy|"
                      + "Henry|Hugh|Ivan|Jesse|Jonathan|Juan|Kenneth|Larry|Leo|Lewis|Micheal|"
                      + "Randall|Samuel|Scott|Sergio|Stephen|Taylor|Tommy|Tony")
              .female(
                  "Allie|Angie|Anna|Ashley|Ava|Barbara|Danielle|Deborah|Emily|Emma|Eva|"
                      + "Faith|Florence|Heather|Jen|Jenny|Karen|Kayla|Lillian|Marie|Mary|"
                      + "Megan|Melissa|Michelle|Rachel|Samantha|Sara|Tammy|Vicki|Victoria")
              .last(
                  "Allen|Austin|Banks|Bishop|Brown|Bryant|Butler|Caldwell|Carpenter|"
                      + "Chavez|Cook|Daniels|Edwards|Elliott|Flores|Fuller|Gonzales|Gray|"
                      + "Hamilton|Hansen|Hopkins|Howell|Hunt|James|King|Lopez|Lynch|Matthews|"
                      + "Mckinney|Mitchelle|Morgan|Perry|Silva|Soto|Tucker|Vargas|Welch|"
                      + "Wells|White|Williamson")
              .cities(
                  "Aberdeen|Armagh|Bangor|Birmingham|Bradford|Brighton and Hove|"
                      + "Cambridge|Canterbury|Cardiff|Chester|Chichester|City of London|"
                      + "Derby|Edinburgh|Exeter|Leeds|Lichfield|Lincoln|Liverpool|Newport|"
                      + "Norwich|Plymouth|Portsmouth|Ripon|Sheffield|St Albans|Stirling|"
                      + "Truro|Wakefield|Wells")
              .states(
                  "Bedfordshire|Borders|Buckinghamshire|Cambridgeshire|Cheshire|"
                      + "Cleveland|Clwyd|Cornwall|County Antrim|County Down|County Fermanagh|"
                      + "County Tyrone|Devon|Dumfries and Galloway|Essex|Fife|"
                      + "Gloucestershire|Greater Manchester|Gwynedd County|Hampshire|"
                      + "Herefordshire|Highlands and Islands|Humberside|Kent|Lincolnshire|"
                      + "Northumberland|Nottinghamshire|Oxfordshire|Shropshire|Somerset|"
                      + "South Glamorgan|Suffolk|Tayside|Warwickshire|West Sussex|Wiltshire")
              .streets(
                  "Brick Kiln Road|Bridge Road|Chester Road|Church Lane|Fairview Road|"
                      + "High Street|Kings Road|London Road|Main Street|Manchester Road|"
                      + "New Street|Park Avenue|Park Road|Queensway|School Lane|South Street|"
                      + "Station Road|The Avenue|The Green|The Grove")
              .postcode(
                  PostcodeFormat.text(
                      "L# #LL", "L## #LL", "LL# #LL", "LL## #LL", "L#L #LL", "LL#L #LL"))
              .phone(
                  "01PPPP #####",
                  "1300 1567 2153 2606 2805 3152 3559 3758 4175 4563 4751 5139 5566 5735 6162 6569"
                      + " 6778 7295 7713 7921 8449 8876 9125 9522")
              .phone(
                  "01PPP ######",
                  "130 156 215 261 282 315 356 376 418 456 475 514 557 573 616 659 678 729 771 792"
                      + " 845 887 912 952")
              .cell(
                  "07PPP ######",
                  "100 119 159 198 218 258 297 317 356 396 416 455 496 516 557 596 717 757 798 818"
                      + " 859 899 920 960")
              .id("NINO", Ids.template("LL ## ## ## L"))
              .build(),
          nat("IE", "Ireland")
              .male(
                  "Albert|Andre|Angel|Arnold|Bob|Brad|Clyde|Don|Donald|Gerald|Hector|"
                      + "Howard|Ian|Jack|Jamie|Jay|Jayden|Jerome|Jim|Jimmy|Joe|Kurt|Mike|"
                      + "Peter|Phillip|Stanley|Timothy|Troy|Wesley")
              .female(
                  "Abigail|Amelia|Andrea|Angie|Anna|Barb|Becky|Carolyn|Debra|Donna|"
                      + "Eliza|Ellie|Erin|Heather|Jenny|Kate|Kathleen|Louise|Maria|Molly|"
                      + "Patricia|Rachel|Samantha|Sarah|Sophie|Stephanie|Suzy|Tracey|Tracy|"
                      + "Vicky")
              .last(
                  "Adams|Anderson|Bailey|Bates|Bryant|Carlson|Carter|Chambers|Davis|"
                      + "Farragher|Fitzpatrick|Fletcher|Garrett|Hale|Hanson|Harvey|Henderson|"
                      + "Holland|Holt|Hunt|Jordan|Kelly|King|Lane|Lawson|Martin|Mcguinness|"
                      + "Morrison|Nelson|Palmer|Parker|Perkins|Powell|Riley|Ryan|Shaw|"
                      + "Sullivan|Terry|Welch|Wright")
              .cities(
                  "Arklow|Ashbourne|Athenry|Birr|Carlow|Carrickmacross|Carrigtwohill|"
                      + "Cobh|Duleek|Dungarvan|Edenderry|Enniscorthy|Greystones|Kilcoole|"
                      + "Kilkenny|Kinsealy-Drinan|Listowel|Longford|Mountmellick|Navan|"
                      + "New Ross|Newcastle West|Ratoath|Sallins|Tipperary|Tralee|Tuam|"
                      + "Waterford|Westport|Wexford")
              .states(
                  "Carlow|Cavan|Clare|Cork|Cork City|Donegal|Fingal|Galway|Galway City|"
                      + "Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|"
                      + "Meath|Monaghan|Roscommon|Sligo|South Dublin|Tipperary|Waterford|"
                      + "Westmeath|Wexford|Wicklow")
              .streets(
                  "Albert Road|Alexander Road|Church Lane|Church Street|Denny Street|"
                      + "Dublin Road|George Street|Grafton Street|Henry Street|High Street|"
                      + "Mill Lane|North Road|Park Lane|Patrick Street|Richmond Park|"
                      + "Rochestown Road|The Avenue|The Drive|West Street|Westmoreland Street")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "0PP-P##-####",
                  "100 107 122 137 145 160 175 182 197 232 410 425 440 447 492 527 535 570 595 642"
                      + " 657 712 740 905")
              .cell("08P-###-####", "3 5 6 7 8 9")
              .id("PPS", Ids.template("#######L"))
              .build(),
          nat("IN", "India")
              .male(
                  "Darpan|Fitan|Laksh|Aarav|Vivaan|Aditya|Arjun|Sai|Reyansh|Krishna|"
                      + "Ishaan|Rohan|Kabir|Dhruv|Ayaan|Yash|Nikhil|Rahul|Vikram|Siddharth|"
                      + "Pranav|Karan|Aniket|Harsh|Manish|Suresh|Rajesh|Varun|Tanish|Mohit")
              .female(
                  "Adah|Sushmitha|Swathi|Aadhya|Ananya|Diya|Saanvi|Pari|Kavya|Ishita|"
                      + "Riya|Priya|Sneha|Pooja|Neha|Anjali|Divya|Shreya|Meera|Tanvi|Nisha|"
                      + "Lakshmi|Aishwarya|Kritika|Shruti|Isha|Navya|Sanjana|Bhavana|Keerthi")
              .last(
                  "Kouser|Moolya|Mugeraya|Ramesh|Saniel|Singh|Sharma|Verma|Gupta|Kumar|"
                      + "Patel|Shah|Reddy|Nair|Iyer|Menon|Pillai|Rao|Das|Bose|Chatterjee|"
                      + "Banerjee|Mukherjee|Joshi|Kulkarni|Desai|Mehta|Agarwal|Malhotra|"
                      + "Kapoor|Chopra|Naidu|Shetty|Hegde|Bhat|Saxena|Mishra|Tiwari|Pandey|"
                      + "Yadav")
              .cities(
                  "Bokaro|Chandigarh|Darbhanga|Proddatur|Rajahmundry|Satna|Mumbai|"
                      + "Delhi|Bengaluru|Hyderabad|Ahmedabad|Chennai|Kolkata|Pune|Jaipur|"
                      + "Lucknow|Kanpur|Nagpur|Indore|Bhopal|Visakhapatnam|Patna|Vadodara|"
                      + "Ludhiana|Agra|Nashik|Faridabad|Meerut|Rajkot|Varanasi")
              .states(
                  "Andaman and Nicobar Islands|Andhra Pradesh|Arunachal Pradesh|Assam|"
                      + "Bihar|Chandigarh|Chhattisgarh|Dadra and Nagar Haveli|Daman and Diu|"
                      + "Delhi|Goa|Gujarat|Haryana|Himachal Pradesh|Jammu and Kashmir|"
                      + "Jharkhand|Karnataka|Kerala|Lakshadweep|Madhya Pradesh|Maharashtra|"
                      + "Manipur|Meghalaya|Mizoram|Nagaland|Odisha|Puducherry|Punjab|"
                      + "Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura|Uttar Pradesh|"
                      + "Uttarakhand|West Bengal")
              .streets(
                  "Bhootnath Rd|Colaba Causeway|Maharanipeta|NAD X Rd|Shivajinagar|"
                      + "Tank Bund Rd|MG Road|Brigade Rd|Linking Rd|Park Street|Marine Drive|"
                      + "Chandni Chowk|Commercial Street|Anna Salai|FC Road|Church Street|"
                      + "Residency Rd|Hazratganj|Banjara Hills|Ashram Rd")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "PPPP######",
                  "1120 1158 1414 1807 2022 2156 2299 2514 2903 3362 3535 3808 4078 4247 4478 4745"
                      + " 4812 5127 5916 6573 7344 7942 8020 8242")
              .cell(
                  "PPPP######",
                  "6000 6076 6358 6711 6930 7084 7362 7510 7725 7879 8055 8236 8414 8490 8656 8838"
                      + " 8925 9079 9232 9309 9462 9616 9693 9846")
              .id("UIDAI", Ids.template("############"))
              .build(),
          nat("IR", "Iran")
              .male(
                  "آدرین|آراد|آرتين|احسان|اميرعلي|اميرمحمد|ایلیا|بردیا|حامد|حسین|رادین|"
                      + "سام|سهیل|سینا|طاها|عباس|عرشيا|علی رضا|علیرضا|كيان|مانی|محمدامين|"
                      + "محمدمهدی|محمدپارسا|مهراد|نيما|پارسا")
              .female(
                  "آرمیتا|آوا|آوین|آوینا|آیناز|النا|الینا|باران|بهار|بیتا|تارا|ثنا|رها|"
                      + "زهرا|سارینا|ستایش|غزل|فاطمه|فاطمه زهرا|محیا|مرسانا|ملینا|مهدیس|"
                      + "مهرسا|هلیا|پارمیس|کیانا|کیمیا|یلدا")
              .last(
                  "احمدی|جعفری|حسینی|حیدری|رضایی|رضاییان|زارعی|سالاری|سلطانی نژاد|"
                      + "سهيلي راد|صدر|علیزاده|قاسمی|كامياران|محمدخان|مرادی|موسوی|نجاتی|"
                      + "نكو نظر|پارسا|کامروا|کریمی|کوتی|گلشن|یاسمی")
              .cities(
                  "آبادان|آمل|اردبیل|اصفهان|اهواز|ایلام|بجنورد|بروجرد|بندرعباس|بیرجند|"
                      + "تبریز|تهران|خمینی\u200cشهر|خوی|دزفول|زنجان|ساری|سبزوار|شهریار|شیراز|"
                      + "قائم\u200cشهر|قم|مشهد|ملارد|نیشابور|ورامین|پاکدشت|کرمان|گرگان|گلستان")
              .states(
                  "آذربایجان شرقی|آذربایجان غربی|اردبیل|اصفهان|البرز|ایلام|بوشهر|تهران|"
                      + "خراسان جنوبی|خراسان رضوی|خراسان شمالی|زنجان|سمنان|سیستان و بلوچستان|"
                      + "قزوین|قم|لرستان|مازندران|مرکزی|هرمزگان|همدان|چهارمحال و بختیاری|"
                      + "کردستان|کرمان|کهگیلویه و بویراحمد|گلستان|گیلان|یزد")
              .streets(
                  "17 شهریور|آذربایجان|استاد قریب|جلال آل احمد|دماوند|دکتر فاطمی|"
                      + "دیباجی|راستوان|سهروردی|شهید آقاسرمدیان|شهید شهرام امیری|"
                      + "شهید صابونچی|فاطمی|قائم مقام فراهانی|میدان امام خمینی|میدان رسالت|"
                      + "میدان شهیدان رحیمی|میرزای شیرازی|هلال احمر|پارک ولیعصر")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "0PP-P#######",
                  "110 117 173 218 236 252 267 285 340 356 384 419 455 512 548 583 611 667 742 760"
                      + " 775 831 839 864")
              .cell(
                  "09PP-###-####",
                  "00 01 03 04 10 11 13 14 16 17 19 20 22 23 31 32 34 35 37 38 90 91 93 94")
              .build(),
          nat("MX", "Mexico")
              .male(
                  "Humberto|Jonathan|Teodoro|José|Juan|Luis|Carlos|Jorge|Alejandro|"
                      + "Miguel|Francisco|Ricardo|Javier|Fernando|Roberto|Eduardo|Raúl|"
                      + "Sergio|Arturo|Rodrigo|Armando|Alfredo|Guillermo|Héctor|Salvador|"
                      + "Óscar|Ramiro|Gerardo|Emilio|Ernesto")
              .female(
                  "Magdalena|Vanesa|María|Guadalupe|Juana|Margarita|Verónica|Leticia|"
                      + "Rosa|Gabriela|Alejandra|Patricia|Elizabeth|Adriana|Claudia|Silvia|"
                      + "Lorena|Yolanda|Araceli|Marisol|Ximena|Fernanda|Valeria|Daniela|"
                      + "Lucía|Ana|Elena|Beatriz|Catalina|Norma")
              .last(
                  "Benavides|Canales|Pineda|Pizarro|Uribe|Hernández|García|Martínez|"
                      + "López|González|Rodríguez|Pérez|Sánchez|Ramírez|Cruz|Flores|Gómez|"
                      + "Morales|Vázquez|Reyes|Jiménez|Torres|Díaz|Gutiérrez|Ruiz|Mendoza|"
                      + "Aguilar|Ortiz|Moreno|Castillo|Romero|Álvarez|Méndez|Chávez|Rivera|"
                      + "Juárez|Ramos|Domínguez|Herrera|Medina")
              .cities(
                  "Bellavista|Capilla de Guadalupe|Golfo de Santa Clara|Pinos|"
                      + "Puerta de Palmillas|Guadalajara|Monterrey|Puebla|Tijuana|León|"
                      + "Zapopan|Mérida|Chihuahua|Aguascalientes|Hermosillo|Saltillo|"
                      + "Mexicali|Culiacán|Querétaro|Morelia|Torreón|Cancún|"
                      + "Acapulco de Juárez|Tlaquepaque|Tuxtla Gutiérrez|Durango|Toluca|"
                      + "Veracruz|Xalapa|Oaxaca de Juárez")
              .states(
                  "Aguascalientes|Baja California|Baja California Sur|Campeche|Chiapas|"
                      + "Chihuahua|Ciudad de México|Coahuila|Colima|Durango|Estado de México|"
                      + "Guanajuato|Guerrero|Hidalgo|Jalisco|Michoacán|Morelos|Nayarit|"
                      + "Nuevo Leon|Oaxaca|Puebla|Querétaro|Quintana Roo|San Luis Potosí|"
                      + "Sinaloa|Sonora|Tabasco|Tamaulipas|Tlaxcala|Veracruz|Yucatán|"
                      + "Zacatecas")
              .streets(
                  "Callejón Sur Trujillo|Calzada Carrero|Diagonal Sur Barrientos|"
                      + "Pasaje Sur Barela|Periférico Norte Beltrán|Avenida Juárez|"
                      + "Calle Hidalgo|Boulevard Morelos|Privada Norte Zapata|"
                      + "Circuito Sur Villa|Cerrada Oeste Garza|Andador Galindo|"
                      + "Retorno Norte Ocampo|Eje vial Madero|Prolongación Sur Allende|"
                      + "Ampliación Norte Guerrero|Continuación Salinas|Corredor Norte Vega|"
                      + "Periférico Sur Ríos|Viaducto Lozano")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "(PPP) ### ####",
                  "200 229 278 324 335 371 411 425 449 474 487 562 621 633 660 698 722 746 772 784"
                      + " 831 877 918 967")
              .cell(
                  "(PPP) ### ####",
                  "220 232 281 326 337 372 413 426 450 475 488 564 622 634 661 711 722 747 772 784"
                      + " 831 877 919 967")
              .id("NSS", Ids.template("## ## ## #### #"))
              .build(),
          nat("NL", "Netherlands")
              .male(
                  "Abram|Antal|Babak|Brand|Burhan|Christian|Dominiek|Doğukan|Elwin|"
                      + "Erman|Ewoud|Farshad|Hakki|Hikmet|Humphrey|Iman|Jarod|Jazzy|Memet|"
                      + "Micky|Mikhail|Pyke|Quincey|Santino|Sicco|Steffen|Tako|Torsten|Tyas|"
                      + "Wilco")
              .female(
                  "Anne-Sophie|Awa|Ayça|Ayşen|Brianna|Carlijn|Ceylan|Charisse|Chemène|"
                      + "Cherrel|Darja|Gerridina|Jacintha|Jacklyn|Leah|Liesanne|Louisa|Marja|"
                      + "Mayte|Mine|Noura|Peterke|Rieke|Rika|Rümeysa|Safiera|Stevie|Wilma|"
                      + "Xamira|Yvon")
              .last(
                  "Alblas|Bekers|Belt|Bink|Borgers|Bras|Coenraad|Corver|Edwards|Ensink|"
                      + "Gubbels|Horn|Kenter|Klaasse|Koets|Kraus|Liefhebber|Maathuis|"
                      + "Meeuwisse|Noorman|Palland|Philipse|Roeters|Schoutsen|Staal|Stegeman|"
                      + "Swinkels|Theelen|Van Dort|Van Neerven|Van Rutten|Van Zutphen|"
                      + "Veenstra|Veenvliet|Verbraak|Voesten|Wartena|Weller|Wolbers|Wouters")
              .cities(
                  "Axel|Baarle-Nassau|Balloo|Bodegraven-Reeuwijk|Cruquius|Deest|Eelde|"
                      + "Epse|Geervliet|Genderen|Gilze|Jistrum|Keinsmerbrug|"
                      + "Kolderveense Bovenboer|Kudelstaart|Netersel|Nieuwpoort|Onna|"
                      + "Oostwold gem Oldambt|Peins|Reduzum|Rijnsburg|Rozenburg Nh|Stuifzand|"
                      + "Terwolde|Terzool|Ubbena|Waardhuizen|Wijnaldum|Wolphaartsdijk")
              .states(
                  "Drenthe|Flevoland|Friesland|Gelderland|Groningen|Limburg|"
                      + "Noord-Brabant|Noord-Holland|Overijssel|Utrecht|Zeeland|Zuid-Holland")
              .streets(
                  "Abdij van Thornstraat|Bankwerkerstraat|Brugpas|"
                      + "Burgemeester Doornlaan|De Boppeste|De Molensteen|"
                      + "Donker Curtiusstraat|Dorpsplein|Driegaardensestraat|Driemorgenweg|"
                      + "Gelddijk|Gouwzoom|Groenesteinstraat|Het Vongdere|John Kennedy-Laan|"
                      + "Kaap|Kissel|Koeweidepad|Kratonstraat|Kuzumerweg")
              .postcode(PostcodeFormat.text("D### LL"))
              .phone(
                  "(0PP) P######",
                  "100 111 154 187 209 243 294 308 341 363 383 416 459 469 508 531 544 572 597 707"
                      + " 728 748 758 779")
              .phone(
                  "(0PPP) ######",
                  "100 111 154 187 209 243 294 308 341 363 383 416 459 469 508 531 544 572 597 707"
                      + " 728 748 758 779")
              .cell(
                  "(06) PP######",
                  "10 11 14 17 19 22 25 26 29 32 34 37 40 41 44 47 49 52 55 56 59 82 84 87")
              .id("BSN", Ids.template("########"))
              .build(),
          nat("NO", "Norway")
              .male(
                  "Aaron|Abdul|Alfred|Amund|Arijus|Arvin|Christian|Christopher|Danny|"
                      + "Dylan|Eilif|Eryk|Gunnar|Hermann|Iver|Joachim|Lavrans|Loke|Magnus|"
                      + "Malte|Mathis|Milo|Muhammad|Nicklas|Olve|Oscar|Ragnar|Vebjørn|Vegard|"
                      + "Viljar")
              .female(
                  "Aiza|Aleena|Alia|Aria|Bushra|Cathrine|Edith|Eira|Eline|Fanny|Freya|"
                      + "Gina|Isabell|Karolina|Katarina|Malak|Malin|Mariam|Melinda|Nawal|"
                      + "Nelia|Norah|Otilie|Rakel|Rita|Sana|Savannah|Tindra|Vilma|Ylva")
              .last(
                  "Berthelsen|Borg|Bruaset|Brunborg|Clausen|Dalsbø|Demir|Dokken|Eik|"
                      + "Falck|Hellum|Hille|Hussain|Ihle|Jordet|Kara|Kibsgaard|Kjellevold|"
                      + "Lindstad|Lode|Løvstad|Malde|Miljeteig|Mo|Nordal|Nygård|Raastad|"
                      + "Rolstad|Sandstad|Seierstad|Sekse|Sjøthun|Sneve|Stavik|Stokkeland|"
                      + "Strømsnes|Svingen|Tengesdal|Todnem|Tonning")
              .cities(
                  "Arna|Bodø|Bybrua|Disenå|Drammen|Fauske|Foldrøy|Forset|Hansnes|Hæen|"
                      + "Høyjord|Jevnaker|Klæbu|Kvernaland|Larsnes|Namnå|Naustdal|"
                      + "Nesjestranda|Rjukan|Sessvollmoen|Skjeberg|Storebø|Sundbyfoss|"
                      + "Sunndalsøra|Svøo|Tau|Vikedal|Vollen|Vuku|Øksfjord")
              .states(
                  "Akershus|Aust-Agder|Bergen|Buskerud|Finnmark - Finnmárku|Hedmark|"
                      + "Hordaland|Møre og Romsdal|Nord-Trøndelag|Nordland|Oppland|Oslo|"
                      + "Rogaland|Sogn og Fjordane|Sør-Trøndelag|Telemark|Troms - Romsa|"
                      + "Trøndelag|Vest-Agder|Vestfold")
              .streets(
                  "Agathe Grøndahls gate|Bredtvetveien|Bygdøy terrasse|"
                      + "Fernanda Nissens gate|General Birchs gate|Gimle terrasse|Granveien|"
                      + "Grønland|Harald Løvenskiolds vei|Haraldrudveien|Hegermanns gate|"
                      + "Heiasvingen|Karl Staaffs vei|Krokkleiva|Ljabrubakken|Nannestadgata|"
                      + "Nyjordeveien|Smiuvegen|Urtegata|Vestliveien")
              .postcode(PostcodeFormat.text("####"))
              .phone(
                  "PP######",
                  "21 22 23 31 32 33 37 38 51 53 55 56 61 62 63 66 67 69 71 72 73 75 76 77")
              .cell("PP######", "40 41 45 46 47 48 90 91 92 93 94 95 96 97 98 99")
              .id("FN", Ids::norwegianFodselsnummer)
              .build(),
          nat("NZ", "New Zealand")
              .male(
                  "Aidan|Aiden|Asher|Ashton|Daniel|Edward|Eli|Ethan|Fletcher|Flynn|"
                      + "George|Harry|Hunter|Jackson|Jacob|Jasper|John|Jordan|Lewis|Liam|"
                      + "Luca|Lucas|Nathaniel|Nixon|Noah|Oscar|Theo|Theodore|Vincent|William")
              .female(
                  "Anna|Ariana|Bella|Caitlin|Charlotte|Ellie|Harper|Harriet|Holly|"
                      + "Isabel|Isla|Ivy|Kate|Lucy|Mackenzie|Madeleine|Maia|Maria|Matilda|"
                      + "Mila|Natalie|Piper|Poppy|Samantha|Scarlett|Sofia|Sophie|Summer|"
                      + "Willow")
              .last(
                  "Brown|Chen|Clarke|Cooper|Davies|Edwards|Evans|Green|Hall|Harris|"
                      + "Johnson|Jones|King|Kumar|Lee|Lewis|Li|Martin|Moore|Patel|Roberts|"
                      + "Robinson|Singh|Taylor|Thomas|Thompson|Turner|Walker|Wang|White|"
                      + "Williams|Wilson|Wright|Zhang")
              .cities(
                  "Auckland|Blenheim|Christchurch|Dunedin|Gisborne|Greymouth|Hamilton|"
                      + "Hastings|Invercargill|Lower Hutt|Masterton|Napier|Nelson|"
                      + "New Plymouth|Palmerston North|Porirua|Rotorua|Taupo|Tauranga|Timaru|"
                      + "Upper Hutt|Wellington|Whanganui|Whangarei")
              .states(
                  "Auckland|Bay of Plenty|Canterbury|Gisborne|Hawke'S Bay|"
                      + "Manawatu-Wanganui|Marlborough|Nelson|Northland|Otago|Southland|"
                      + "Taranaki|Tasman|Waikato|Wellington|West Coast")
              .streets(
                  "Abbotts Way|Anzac Drive|Barbadoes Street|Bridge Street|Clyde Street|"
                      + "Devonport Road|Ferry Road|Henderson Road|Hilton Highway|"
                      + "Kahikatea Drive|Linwood Avenue|Mailer Street|Manners Street|"
                      + "Napier Road|New Brighton Road|Old Taupo Road|Pitt Street|"
                      + "Riccarton Road|South Western Arterial|Stafford Street")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone("(0PP)-###-####", "20 21 22 26 27 28 29")
              .cell("(0PP)-###-####", "20 21 22 26 27 28 29")
              .build(),
          nat("RS", "Serbia")
              .male(
                  "Stanimir|Miladin|Jakov|Aleksandar|Nikola|Marko|Stefan|Luka|Milan|"
                      + "Dragan|Zoran|Nenad|Dejan|Vladimir|Miloš|Dušan|Petar|Vuk|Bogdan|Uroš|"
                      + "Lazar|Đorđe|Vojislav|Radovan|Srđan|Slobodan|Branislav|Momčilo|Živko|"
                      + "Ognjen")
              .female(
                  "Jelena|Katalina|Magdalena|Tamara|Milica|Ana|Jovana|Marija|Ivana|"
                      + "Dragana|Snežana|Mirjana|Nevena|Teodora|Sofija|Anđela|Bojana|Vesna|"
                      + "Ljiljana|Gordana|Danica|Radmila|Zorica|Biljana|Tijana|Kristina|"
                      + "Nataša|Jasmina|Dušica|Vera")
              .last(
                  "Adamović|Anđelković|Kitić|Lončarević|Marinković|Peković|Zelenović|"
                      + "Jovanović|Petrović|Nikolić|Marković|Đorđević|Stojanović|Ilić|"
                      + "Stanković|Pavlović|Milošević|Todorović|Đurić|Kostić|Mitrović|"
                      + "Živković|Ristić|Popović|Savić|Lazić|Obradović|Vasić|Simić|"
                      + "Radovanović")
              .cities(
                  "Ada|Arilje|Boljevac|Mali Zvornik|Pančevo|Požarevac|Prokuplje|"
                      + "Beograd|Novi Sad|Niš|Kragujevac|Subotica|Zrenjanin|Čačak|Kraljevo|"
                      + "Novi Pazar|Smederevo|Leskovac|Valjevo|Kruševac|Vranje|Šabac|Užice|"
                      + "Sombor|Sremska Mitrovica|Jagodina|Pirot|Zaječar|Kikinda|Loznica")
              .states(
                  "Braničevo|Kolubara|Mačva|Nišava|Peć|South Banat|South Bačka|"
                      + "North Bačka|West Bačka|Central Banat|North Banat|Srem|Belgrade|"
                      + "Podunavlje|Šumadija|Pomoravlje|Bor|Zaječar|Zlatibor|Moravica|Raška|"
                      + "Rasina|Toplica|Pirot|Jablanica|Pčinja|Kosovo|Kosovska Mitrovica|"
                      + "Kosovo-Pomoravlje|Prizren")
              .streets(
                  "Belostenska|Ljubomira Zekavice|Lukićeva|Milene Čupić|"
                      + "Porodice Jovanović|Vašarska|Vranovačka|Kneza Miloša|"
                      + "Bulevar Oslobođenja|Nemanjina|Cara Dušana|Takovska|Vojvode Stepe|"
                      + "Karađorđeva|Kralja Petra|Svetog Save|Njegoševa|Gavrila Principa|"
                      + "Resavska|Dositejeva")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "0PP-P###-###",
                  "102 108 123 137 145 159 175 183 197 213 219 235 249 257 273 287 295 309 325 333"
                      + " 347 363 369 385")
              .cell("06P-####-###", "0 1 2 3 4 5 6 7 8 9")
              .id("SID", Ids.template("#########"))
              .build(),
          nat("TR", "Turkey")
              .male(
                  "Adem|Ahmet|Ali|Babür|Barış|Ceyhun|Deniz|Efe|Ege|Eren|Fatih|Giray|"
                      + "Gökhan|Kadir|Kuzey|Macit|Mehmet|Murat|Mustafa|Nihal|Okan|Onur|"
                      + "Oğuzhan|Vedat|Volkan|Önal|Özkan")
              .female(
                  "Afet|Afşar|Ceyhan|Ceylan|Deniz|Ece|Ege|Elif|Fatma|Gül|Kübra|Latife|"
                      + "Melike|Meral|Nalan|Nurdan|Sedef|Vildan|Yasemin|Ömür|Özsu|Ülkü")
              .last(
                  "Abanuz|Aclan|Adal|Adıvar|Akşit|Alyanak|Babacan|Babaoğlu|Beşok|"
                      + "Demirbaş|Dizdar|Duygulu|Erez|Erginsoy|Hakyemez|Karabulut|Karaduman|"
                      + "Kavaklıoğlu|Keseroğlu|Keçeci|Körmükçü|Kılıççı|Kıraç|Mayhoş|Okur|"
                      + "Pekkan|Pektemek|Polat|Sandalcı|Sarıoğlu|Tokatlıoğlu|Toraman|Tunçeri|"
                      + "Yeşilkaya|Yıldırım|Çamdalı|Çevik|Örge|Öymen|Özgörkey")
              .cities(
                  "Adana|Adıyaman|Afyonkarahisar|Artvin|Ağrı|Balıkesir|Burdur|Denizli|"
                      + "Diyarbakır|Gaziantep|Hatay|Isparta|Karaman|Kars|Kastamonu|Kütahya|"
                      + "Kırklareli|Mardin|Muğla|Muş|Nevşehir|Siirt|Sinop|Sivas|Tunceli|Uşak|"
                      + "Yalova|Çanakkale|Çorum|İzmir")
              .states(
                  "Adana|Adıyaman|Afyonkarahisar|Amasya|Ankara|Antalya|Ardahan|Aydın|"
                      + "Ağrı|Balıkesir|Bartın|Batman|Bayburt|Bingöl|Bursa|Edirne|Erzincan|"
                      + "Erzurum|Gaziantep|Giresun|Gümüşhane|Kahramanmaraş|Karabük|Kars|"
                      + "Kastamonu|Kütahya|Kırıkkale|Kırşehir|Mardin|Niğde|Rize|Sakarya|"
                      + "Samsun|Sinop|Sivas|Tokat|Tunceli|Van|Yalova|Yozgat|Çanakkale|"
                      + "Çankırı|Çorum|İzmir")
              .streets(
                  "Abanoz Sk|Anafartalar Cd|Atatürk Sk|Bağdat Cd|Doktorlar Cd|"
                      + "Fatih Sultan Mehmet Cd|Filistin Cd|Istiklal Cd|Kushimoto Sk|"
                      + "Maçka Cd|Mevlana Cd|Necatibey Cd|Talak Göktepe Cd|Tunalı Hilmi Cd|"
                      + "Vatan Cd|Şehitler Cd")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "(PPP)-###-####",
                  "212 222 232 248 256 266 282 286 322 338 344 354 364 368 376 384 388 422 432 436"
                      + " 452 462 466 478")
              .cell(
                  "(PPP)-###-####",
                  "501 505 506 510 516 530 531 533 534 536 537 539 540 541 543 544 546 547 549 551"
                      + " 553 554 559 594")
              .build(),
          nat("UA", "Ukraine")
              .male(
                  "Mechislav|Vishezor|Bogdan|Taras|Oleksandr|Andriy|Yaroslav|Mikola|"
                      + "Petro|Ostap|Dmitro|Yuriy|Vasil|Ivan|Stepan|Volodimir|Zinoviy|"
                      + "Lyubomir|Svyatoslav|Rostislav|Miroslav|Orest|Anatoliy|Borislav|"
                      + "Valentin|Vadim|Yakiv|Zakhar|Maksim|Artem")
              .female(
                  "Antonina|Margarita|Oksana|Olena|Nataliya|Irina|Tetyana|Yuliya|"
                      + "Khristina|Darina|Solomiya|Zlata|Vira|Nadiya|Lyubov|Galina|Svitlana|"
                      + "Mariya|Zoryana|Lesya|Bogdana|Yaroslava|Uliana|Yevgeniya|Alla|"
                      + "Roksolana|Miroslava|Kateryna|Ganna|Sofiya")
              .last(
                  "Aleksandrovich|Bashtan|Lisovec|Tovstuha|Kovalenko|Bondarenko|"
                      + "Tkachenko|Kravchenko|Shevchenko|Melnik|Boyko|Koval|Oliynik|Lysenko|"
                      + "Marchenko|Savchenko|Rudenko|Moroz|Pavlenko|Levchenko|Kharchenko|"
                      + "Tkachuk|Kravec|Ponomarenko|Klimenko|Gavrilyuk|Zinchenko|Gricenko|"
                      + "Dovzhenko|Yaremchuk")
              .cities(
                  "Almazna|Kosiv|Shchastya|Uman|Kiyiv|Lviv|Odesa|Harkiv|Dnipro|"
                      + "Zaporizhzhya|Vinnicya|Poltava|Chernigiv|Cherkasi|Zhitomir|Sumi|"
                      + "Rivne|Ivano-Frankivsk|Ternopil|Luck|Uzhgorod|Hmelnickiy|"
                      + "Kropivnickiy|Mikolayiv|Herson|Chernivci|Berdichiv|Bila Cerkva|"
                      + "Kremenchuk|Drogobich")
              .states(
                  "Vinnicka|Volinska|Dnipropetrovska|Donecka|Zhitomirska|Zakarpatska|"
                      + "Zaporizka|Ivano-Frankivska|Kiyivska|Kirovogradska|Luganska|Lvivska|"
                      + "Mikolayivska|Odeska|Poltavska|Rivnenska|Sumska|Ternopilska|"
                      + "Harkivska|Hersonska|Hmelnicka|Cherkaska|Chernivecka|Chernigivska|"
                      + "Avtonomna Respublika Krim")
              .streets(
                  "Dolinogirska|Priyazna|Provulok Mendelieieva|Volodimira Salskogo|"
                      + "Shevchenka|Hreshchatik|Sadova|Shkilna|Centralna|Lisova|Zelena|"
                      + "Naberezhna|Molodizhna|Soborna|Grushevskogo|Franka|Lesi Ukrayinki|"
                      + "Peremogi|Miru|Kvitneva")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "(0PP) P##-####",
                  "310 316 330 343 350 364 377 384 417 441 448 461 475 481 515 528 535 549 562 569"
                      + " 612 626 643 656")
              .cell("(0PP) ###-####", "39 50 63 66 67 68 71 72 73 75 77 91 92 93 94 95 96 97 98 99")
              .build(),
          nat("US", "United States")
              .male(
                  "Aiden|Allan|Alvin|Andy|Bernard|Byron|Clarence|Clifton|David|Dwayne|"
                      + "Dwight|Fred|Gordon|Hunter|Javier|Jimmie|Joe|Landon|Leroy|Leslie|"
                      + "Lewis|Paul|Perry|Rafael|Richard|Roberto|Ronnie|Scott|Thomas|Todd")
              .female(
                  "Alyssa|Anna|Carla|Cassandra|Catherine|Charlotte|Debra|Eileen|"
                      + "Eleanor|Erin|Gail|Georgia|Isabella|Jennifer|Josephine|Kay|Kenzi|"
                      + "Kristina|Loretta|Lucille|Margie|Marion|Mattie|Michele|Olivia|Rose|"
                      + "Scarlett|Sherry|Stella|Tanya")
              .last(
                  "Alexander|Bennett|Berry|Coleman|Davis|Fowler|Franklin|Fuller|Gibson|"
                      + "Grant|Hall|Hamilton|Hansen|Hart|Henderson|Jones|Kim|Lawson|Lewis|"
                      + "Long|Martinez|Miles|Morgan|Nguyen|Olson|Pena|Perkins|Ramirez|Reed|"
                      + "Rose|Ruiz|Russell|Silva|Simmons|Snyder|Stevens|Sutton|Warren|"
                      + "Williamson|Wilson")
              .cities(
                  "Abilene|Aubrey|Beaumont|Belen|Cape Fear|Concord|Coppell|Denver|"
                      + "Elk Grove|Fresno|Indianapolis|Inglewood|Jackson|Knoxville|Laredo|"
                      + "Little Rock|Long Beach|New Haven|Newark|Norfolk|Pearland|"
                      + "Philadelphia|San Antonio|San Francisco|St. Louis|Tampa|Toledo|"
                      + "West Jordan|West Palm Beach|Woodbridge")
              .states(
                  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|"
                      + "Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|"
                      + "Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
                      + "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|"
                      + "New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|"
                      + "Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
                      + "South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
                      + "West Virginia|Wisconsin|Wyoming")
              .streets(
                  "Ash Dr|Avondale Ave|Camden Ave|Cherry St|E Center St|"
                      + "E Little York Rd|Edwards Rd|Hunters Creek Dr|Nowlin Rd|Oak Lawn Ave|"
                      + "Plum St|Pockrus Page Rd|Robinson Rd|Saddle Dr|Stevens Creek Blvd|"
                      + "Sunset St|Valwood Pkwy|W Belt Line Rd|Walnut Hill Ln|Washington Ave")
              .postcode(PostcodeFormat.numeric(10000, 99999))
              .phone(
                  "(PPP) N##-####",
                  "201 210 235 283 310 330 380 408 443 504 516 570 610 620 661 713 725 763 806 818"
                      + " 856 908 918 949")
              .cell(
                  "(PPP) N##-####",
                  "201 210 235 283 310 330 380 408 443 504 516 570 610 620 661 713 725 763 806 818"
                      + " 856 908 918 949")
              .id("SSN", Ids.template("###-##-####"))
              .build());

  private Nationalities() {}

  private static Spec nat(String code, String country) {
    return new Spec(code, country);
  }

  /** Collects one nationality; lists of words are separated by {@code |}. */
  private static final class Spec {
    private final String code;
    private final String country;
    private List<String> maleTitles = List.of("Mr");
    private List<String> femaleTitles = List.of("Miss", "Mrs", "Ms");
    private Names male;
    private Names female;
    private Names last;
    private List<String> cities;
    private List<String> states;
    private List<String> streets;
    private PostcodeFormat postcode;
    private final List<Template> phones = new ArrayList<>();
    private final List<Template> cells = new ArrayList<>();
    private String idName = "";
    private IdFormat id;

    private Spec(String code, String country) {
      this.code = code;
      this.country = country;
    }

    Spec titles(String male, String female) {
      maleTitles = words(male);
      femaleTitles = words(female);
      return this;
    }

    Spec male(String names) {
      male = Names.of(names);
      return this;
    }

    Spec female(String names) {
      female = Names.of(names);
      return this;
    }

    Spec last(String names) {
      last = Names.of(names);
      return this;
    }

    Spec cities(String names) {
      cities = words(names);
      return this;
    }

    Spec states(String names) {
      states = words(names);
      return this;
    }

    Spec streets(String names) {
      streets = words(names);
      return this;
    }

    Spec postcode(PostcodeFormat format) {
      postcode = format;
      return this;
    }

    Spec phone(String pattern, String prefixes) {
      phones.add(Template.of(pattern, prefixes));
      return this;
    }

    Spec cell(String pattern, String prefixes) {
      cells.add(Template.of(pattern, prefixes));
      return this;
    }

    Spec id(String name, IdFormat format) {
      idName = name;
      id = format;
      return this;
    }

    Nationality build() {
      return new Nationality(
          code,
          country,
          maleTitles,
          femaleTitles,
          male,
          female,
          last,
          cities,
          states,
          streets,
          postcode,
          phones,
          cells,
          idName,
          id);
    }

    private static List<String> words(String words) {
      return List.of(words.split("\\|"));
    }
  }
}
