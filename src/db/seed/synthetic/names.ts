// Synthetic names and places for demo and benchmark people. Invented combinations of common
// names; no real person from the seed documents.
export const GIVEN_NAMES_FEMALE = ['Amelia', 'Ava', 'Chloe', 'Daisy', 'Ella', 'Evie', 'Freya', 'Grace', 'Hana', 'Isla', 'Ivy', 'Jasmine', 'Layla', 'Lily', 'Maya', 'Mia', 'Nia', 'Olivia', 'Poppy', 'Rosie', 'Ruby', 'Sienna', 'Sofia', 'Zainab', 'Aisha', 'Leah', 'Niamh', 'Erin', 'Amira', 'Kacey'];
export const GIVEN_NAMES_MALE = ['Alfie', 'Archie', 'Arlo', 'Ayaan', 'Charlie', 'Ethan', 'Finley', 'George', 'Harry', 'Henry', 'Isaac', 'Jack', 'Jayden', 'Kai', 'Leo', 'Logan', 'Mason', 'Muhammad', 'Noah', 'Oliver', 'Oscar', 'Reggie', 'Riley', 'Theo', 'Tommy', 'Yusuf', 'Kofi', 'Tyler', 'Callum', 'Dylan'];
export const ADULT_NAMES_FEMALE = ['Claire', 'Danielle', 'Emma', 'Gemma', 'Hayley', 'Jade', 'Kelly', 'Laura', 'Michelle', 'Natalie', 'Rebecca', 'Samantha', 'Stacey', 'Vicky', 'Yetunde', 'Shazia', 'Agnieszka', 'Chantelle'];
export const ADULT_NAMES_MALE = ['Adam', 'Ben', 'Craig', 'Darren', 'Gary', 'Jamie', 'Jason', 'Karl', 'Lee', 'Mark', 'Paul', 'Ryan', 'Scott', 'Wayne', 'Tomasz', 'Imran', 'Kwame', 'Dean'];
export const FAMILY_NAMES = ['Ashby', 'Bancroft', 'Beckett', 'Brannigan', 'Carver', 'Chaudhry', 'Dawson', 'Egerton', 'Fenwick', 'Garside', 'Hadley', 'Hussain', 'Iqbal', 'Jarvis', 'Kowalski', 'Lambert', 'Mbeki', 'Nowak', 'Oduya', 'Pickering', 'Quinlan', 'Rahman', 'Sadler', 'Tennant', 'Umeh', 'Varga', 'Walsh', 'Yilmaz', 'Abbott', 'Bright', 'Collier', 'Doyle', 'Ellwood', 'Foster', 'Gill', 'Haines', 'Kaur', 'Lowe', 'Mensah', 'Osei'];
/** Invented streets in invented estates; postcodes use the MK area with synthetic sectors. */
export const STREETS = ['Larkspur Close', 'Foxglove Way', 'Heron Drive', 'Millstream Road', 'Kestrel Court', 'Orchard Rise', 'Bramble Lane', 'Thistle Grove', 'Willowbank', 'Copper Beech Walk', 'Hawthorn Crescent', 'Saxon Gate Mews'];
export const TOWNS = ['Milton Keynes', 'Bletchley', 'Wolverton', 'Newport Pagnell', 'Olney', 'Stony Stratford'];

// ---------------------------------------------------------------------------------------------
// Larger pools for `hearth seed --scale N` (src/db/seed/synthetic/scale.ts): common given names
// and surnames in England, most common first, so a Zipf-like pick gives a realistic spread (a few
// very common surnames, a long tail). Lists are of common names only; every combination drawn from
// them is synthetic. The long tail is completed by invented surnames built from SURNAME_STEMS and
// SURNAME_ENDINGS below.
export const COMMON_GIVEN_FEMALE = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Lily', 'Freya', 'Ivy', 'Florence', 'Mia', 'Willow', 'Rosie', 'Sophia', 'Isabella', 'Grace', 'Daisy', 'Sienna', 'Poppy', 'Elsie', 'Emily', 'Ella',
  'Evelyn', 'Phoebe', 'Sofia', 'Evie', 'Charlotte', 'Harper', 'Millie', 'Matilda', 'Maya', 'Sophie', 'Alice', 'Emilia', 'Isabelle', 'Ruby', 'Luna', 'Maisie', 'Aria', 'Penelope', 'Mila', 'Bonnie',
  'Eva', 'Hallie', 'Eliza', 'Ada', 'Violet', 'Esme', 'Arabella', 'Imogen', 'Jessica', 'Delilah', 'Thea', 'Layla', 'Rose', 'Hannah', 'Chloe', 'Scarlett', 'Lucy', 'Amber', 'Erin', 'Zara',
  'Aisha', 'Fatima', 'Maryam', 'Zainab', 'Hafsa', 'Amira', 'Khadija', 'Hana', 'Anaya', 'Niamh', 'Leah', 'Megan', 'Courtney', 'Jade', 'Paige', 'Shannon', 'Chantelle', 'Kacey', 'Tia', 'Nevaeh',
  'Elizabeth', 'Katherine', 'Margaret', 'Rebecca', 'Victoria', 'Abigail', 'Jennifer', 'Samantha', 'Natalie', 'Gabriella', 'Alexandra', 'Josephine', 'Eleanor', 'Susannah', 'Patricia', 'Deborah',
  'Agnieszka', 'Zuzanna', 'Oliwia', 'Ioana', 'Andreea', 'Adaeze', 'Chioma', 'Ama', 'Abena', 'Precious', 'Blessing', 'Favour', 'Priya', 'Simran', 'Jasleen', 'Aaliyah', 'Inaya', 'Mariam', 'Sana', 'Noor',
] as const;
export const COMMON_GIVEN_MALE = [
  'Muhammad', 'Noah', 'Oliver', 'George', 'Arthur', 'Leo', 'Harry', 'Oscar', 'Archie', 'Henry', 'Theodore', 'Freddie', 'Jack', 'Charlie', 'Theo', 'Alfie', 'Jacob', 'Thomas', 'Finley', 'Arlo',
  'William', 'Lucas', 'Roman', 'Tommy', 'Isaac', 'Teddy', 'Alexander', 'Luca', 'Edward', 'James', 'Joshua', 'Albie', 'Elijah', 'Max', 'Mohammed', 'Reuben', 'Mason', 'Sebastian', 'Rory', 'Jude',
  'Louie', 'Benjamin', 'Ethan', 'Adam', 'Hugo', 'Joseph', 'Reggie', 'Ronnie', 'Louis', 'Frederick', 'Daniel', 'Samuel', 'Michael', 'Matthew', 'Christopher', 'Jonathan', 'Nicholas', 'Anthony', 'Robert', 'Richard',
  'Kai', 'Riley', 'Tyler', 'Callum', 'Dylan', 'Kyle', 'Liam', 'Connor', 'Jayden', 'Logan', 'Harvey', 'Bobby', 'Frankie', 'Stanley', 'Jenson', 'Ayaan', 'Yusuf', 'Ibrahim', 'Ali', 'Omar',
  'Hamza', 'Zayn', 'Aarav', 'Arjun', 'Rohan', 'Kofi', 'Kwame', 'Chidi', 'Emeka', 'Tobi', 'David', 'Jakub', 'Szymon', 'Filip', 'Andrei', 'Mateo', 'Gabriel', 'Patrick', 'Declan', 'Kieran',
] as const;
export const COMMON_GIVEN_ADULT_FEMALE = [
  'Sarah', 'Emma', 'Claire', 'Laura', 'Lisa', 'Nicola', 'Kelly', 'Gemma', 'Rachel', 'Louise', 'Michelle', 'Hayley', 'Jade', 'Stacey', 'Danielle', 'Amy', 'Charlotte', 'Rebecca', 'Samantha', 'Natalie',
  'Victoria', 'Katie', 'Lauren', 'Jodie', 'Kirsty', 'Leanne', 'Donna', 'Joanne', 'Tracey', 'Karen', 'Zoe', 'Vicky', 'Chantelle', 'Shazia', 'Nadia', 'Ayesha', 'Yetunde', 'Funmi', 'Agnieszka', 'Magdalena',
  'Elizabeth', 'Katherine', 'Margaret', 'Jennifer', 'Abigail', 'Alexandra', 'Susan', 'Deborah', 'Patricia', 'Christine',
] as const;
export const COMMON_GIVEN_ADULT_MALE = [
  'David', 'Paul', 'Mark', 'Daniel', 'James', 'Andrew', 'Richard', 'Christopher', 'Michael', 'Matthew', 'Darren', 'Lee', 'Craig', 'Wayne', 'Dean', 'Jason', 'Gary', 'Stephen', 'Ryan', 'Scott',
  'Jamie', 'Carl', 'Karl', 'Adam', 'Ben', 'Liam', 'Shaun', 'Kevin', 'Anthony', 'Robert', 'Thomas', 'William', 'Jonathan', 'Nicholas', 'Imran', 'Tariq', 'Asif', 'Kwame', 'Olumide', 'Tomasz',
  'Piotr', 'Marius', 'Joseph', 'Edward', 'Samuel', 'Peter', 'Simon', 'Martin', 'Neil', 'Gavin',
] as const;
export const COMMON_FAMILY_NAMES = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
  'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen',
  'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy',
  'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Singh', 'Begum', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Ali',
  'Hunt', 'Hussain', 'Campbell', 'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight', 'Lloyd', 'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens', 'Jenkins', 'Murray', 'Dixon', 'Harvey',
  'Graham', 'Pearson', 'Ahmed', 'Fletcher', 'Walsh', 'Kaur', 'Gibson', 'Howard', 'Andrews', 'Stewart', 'Elliott', 'Reynolds', 'Saunders', 'Payne', 'Fox', 'Ford', 'Pearce', 'Day', 'Brooks', 'West',
  'Lawrence', 'Cole', 'Atkinson', 'Bradley', 'Spencer', 'Gill', 'Dawson', 'Ball', 'Burton', "O'Brien", 'Watts', 'Rose', 'Booth', 'Perry', 'Ryan', 'Grant', 'Wells', 'Armstrong', 'Francis', 'Rees',
  'Hayes', 'Hart', 'Hudson', 'Newman', 'Barrett', 'Webster', 'Hunter', 'Gregory', 'Carr', 'Lowe', 'Page', 'Marsh', 'Riley', 'Dunn', 'Woods', 'Parsons', 'Berry', 'Stone', 'Reid', 'Holland',
  'Hawkins', 'Harding', 'Porter', 'Robertson', 'Newton', 'Oliver', 'Reed', 'Kennedy', 'Williamson', 'Bird', 'Gardner', 'Shah', 'Dean', 'Lane', 'Cooke', 'Bates', 'Henderson', 'Parry', 'Burgess', 'Bishop',
  'Walton', 'Burns', 'Nicholson', 'Shepherd', 'Ross', 'Cross', 'Long', 'Freeman', 'Warren', 'Nicholls', 'Hamilton', 'Byrne', 'Sutton', 'McDonald', 'Yates', 'Hodgson', 'Robson', 'Curtis', 'Hopkins', "O'Connor",
  'Rahman', 'Hossain', 'Iqbal', 'Akhtar', 'Mahmood', 'Chaudhry', 'Sharma', 'Mistry', 'Nowak', 'Kowalski', 'Wisniewski', 'Popescu', 'Okafor', 'Adeyemi', 'Mensah', 'Osei', 'Boateng', 'Okoro', 'Nwosu', 'Yilmaz',
  'Nguyen', 'Silva', 'Santos', 'Costa', 'Kaya', 'Mohamed', 'Abdi', 'Hassan', 'Ibrahim', 'Omar',
] as const;
/** Parts for invented surnames (the long tail): Ash + worth = Ashworth. */
export const SURNAME_STEMS = ['Ash', 'Brad', 'Brook', 'Cal', 'Church', 'Cold', 'Craw', 'Dar', 'East', 'Elm', 'Fair', 'Farn', 'Gold', 'Green', 'Hal', 'Hart', 'Hather', 'Hol', 'Kings', 'Lang', 'Lin', 'Marl', 'Mid', 'Mill', 'Moor', 'Nor', 'Oak', 'Pen', 'Red', 'Rock', 'Rush', 'Sand', 'Shel', 'Stan', 'Stock', 'Sut', 'Thorn', 'Wal', 'Wat', 'Wes', 'Whit', 'Wind'] as const;
export const SURNAME_ENDINGS = ['worth', 'ley', 'ton', 'field', 'ford', 'by', 'ham', 'well', 'wood', 'bridge', 'combe', 'stone', 'dale', 'hurst', 'more', 'den', 'ridge', 'wick', 'cott', 'thorpe'] as const;

/**
 * Familiar forms of given names, as a worker might record a child the second time ("Tom" for
 * Thomas): used to make realistic duplicate records for the matching benchmark.
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  William: ['Will', 'Billy', 'Liam'], Thomas: ['Tom', 'Tommy'], James: ['Jim', 'Jamie'], Joseph: ['Joe', 'Joey'], Benjamin: ['Ben', 'Benji'],
  Alexander: ['Alex', 'Xander'], Samuel: ['Sam', 'Sammy'], Daniel: ['Dan', 'Danny'], Matthew: ['Matt'], Michael: ['Mike', 'Mikey'],
  Christopher: ['Chris'], Jonathan: ['Jon', 'Johnny'], Nicholas: ['Nick', 'Nicky'], Anthony: ['Tony', 'Ant'], Robert: ['Rob', 'Bob', 'Bobby'],
  Richard: ['Rich', 'Ricky'], Edward: ['Ed', 'Eddie', 'Ted'], Frederick: ['Fred', 'Freddie'], Theodore: ['Theo', 'Teddy'], Henry: ['Harry', 'Hal'],
  Harrison: ['Harry'], Louis: ['Lou', 'Louie'], Sebastian: ['Seb'], Muhammad: ['Mohammed', 'Mo'], Mohammed: ['Muhammad', 'Mo'],
  Elizabeth: ['Liz', 'Lizzie', 'Beth', 'Eliza'], Katherine: ['Kate', 'Katie', 'Kath'], Margaret: ['Maggie', 'Peggy'], Rebecca: ['Becky', 'Becca'], Victoria: ['Vicky', 'Tori'],
  Abigail: ['Abby', 'Abi'], Jennifer: ['Jen', 'Jenny'], Samantha: ['Sam', 'Sammy'], Natalie: ['Nat'], Gabriella: ['Gabby', 'Ella'],
  Alexandra: ['Alex', 'Lexi'], Josephine: ['Josie', 'Jo'], Eleanor: ['Ellie', 'Nell'], Isabella: ['Bella', 'Izzy'], Isabelle: ['Izzy', 'Belle'],
  Charlotte: ['Lottie', 'Charlie'], Florence: ['Flo', 'Florrie'], Matilda: ['Tilly', 'Tilda'], Penelope: ['Penny'], Amelia: ['Millie', 'Amy'],
  Evelyn: ['Evie'], Emilia: ['Millie'], Sophia: ['Sophie'], Susannah: ['Sue', 'Susie'], Patricia: ['Pat', 'Trish'], Deborah: ['Debbie', 'Deb'],
  Jessica: ['Jess', 'Jessie'], Hannah: ['Hanna'], Sarah: ['Sara'], Stephen: ['Steve', 'Steven'], Peter: ['Pete'], Andrew: ['Andy', 'Drew'],
};
