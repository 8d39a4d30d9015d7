/** Given names and surnames common in Norway and Sweden, for synthetic staff. */
export const NORWEGIAN_GIVEN = [
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Hilde', 'Randi', 'Solveig',
  'Nina', 'Ida', 'Silje', 'Ingvild', 'Kristin', 'Tone', 'Hanne', 'Camilla', 'Marte', 'Sara', 'Emma', 'Nora', 'Thea',
  'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Thomas', 'Hans', 'Geir', 'Tor', 'Morten',
  'Terje', 'Odd', 'Erik', 'Martin', 'Andreas', 'Jon', 'Magnus', 'Sindre', 'Håkon', 'Eirik', 'Øystein', 'Halvor',
] as const;
export const NORWEGIAN_SURNAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
  'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie',
  'Aasen', 'Bråten', 'Fjeld', 'Haugland', 'Nygård', 'Vik', 'Øien', 'Aune', 'Rønning', 'Tveit',
] as const;
export const SWEDISH_GIVEN = ['Anna', 'Maria', 'Karin', 'Lena', 'Elin', 'Maja', 'Lars', 'Mikael', 'Johan', 'Anders', 'Per', 'Nils', 'Oskar', 'Linnea'] as const;
export const SWEDISH_SURNAMES = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Lindqvist', 'Bergström'] as const;
export const OTHER_GIVEN = ['Ahmed', 'Fatima', 'Piotr', 'Agnieszka', 'Mohammed', 'Amina', 'Tomas', 'Olena', 'Jonas', 'Aisha', 'Daniel', 'Mariam'] as const;
export const OTHER_SURNAMES = ['Nowak', 'Kowalski', 'Hussein', 'Ali', 'Kazlauskas', 'Shevchenko', 'Ahmadi', 'Yilmaz', 'Nguyen', 'Tesfaye'] as const;
