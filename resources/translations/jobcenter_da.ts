<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="da_DK">
  <context>
    <name>App</name>
    <message>
      <source>Krypteret database</source>
      <translation>Krypteret database</translation>
    </message>
    <message>
      <source>Adgangskode til {0}:</source>
      <translation>Adgangskode til {0}:</translation>
    </message>
    <message>
      <source>Jobcenter Frister kan ikke starte</source>
      <translation>Jobcenter Frister kan ikke starte</translation>
    </message>
  </context>
  <context>
    <name>BackupDialog</name>
    <message>
      <source>Daglig (ved start)</source>
      <translation>Daglig (ved start)</translation>
    </message>
    <message>
      <source>Manuel</source>
      <translation>Manuel</translation>
    </message>
    <message>
      <source>Før gendannelse</source>
      <translation>Før gendannelse</translation>
    </message>
    <message>
      <source>Sikkerhedskopier</source>
      <translation>Sikkerhedskopier</translation>
    </message>
    <message>
      <source>Der tages automatisk en kopi ved start (højst én om dagen) og før hver opdatering af databasen. De {0} nyeste gemmes i {1}.</source>
      <translation>Der tages automatisk en kopi ved start (højst én om dagen) og før hver opdatering af databasen. De {0} nyeste gemmes i {1}.</translation>
    </message>
    <message>
      <source>Tidspunkt</source>
      <translation>Tidspunkt</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Størrelse</source>
      <translation>Størrelse</translation>
    </message>
    <message>
      <source>Tag sikkerhedskopi nu</source>
      <translation>Tag sikkerhedskopi nu</translation>
    </message>
    <message>
      <source>Gendan valgte …</source>
      <translation>Gendan valgte …</translation>
    </message>
    <message>
      <source>Gendan valgte sikkerhedskopi</source>
      <translation>Gendan valgte sikkerhedskopi</translation>
    </message>
    <message>
      <source>Før opdatering</source>
      <translation>Før opdatering</translation>
    </message>
    <message>
      <source>Gendan sikkerhedskopi</source>
      <translation>Gendan sikkerhedskopi</translation>
    </message>
    <message>
      <source>Gendan databasen, som den var {0}? Ændringer siden da forsvinder; den nuværende tilstand gemmes først som en sikkerhedskopi, så gendannelsen kan fortrydes. Vinduet åbner igen bagefter.</source>
      <translation>Gendan databasen, som den var {0}? Ændringer siden da forsvinder; den nuværende tilstand gemmes først som en sikkerhedskopi, så gendannelsen kan fortrydes. Vinduet åbner igen bagefter.</translation>
    </message>
    <message>
      <source>Gendannelsen mislykkedes</source>
      <translation>Gendannelsen mislykkedes</translation>
    </message>
  </context>
  <context>
    <name>CalendarView</name>
    <message>
      <source>Kalender med frister</source>
      <translation>Kalender med frister</translation>
    </message>
    <message>
      <source>I dag</source>
      <translation>I dag</translation>
    </message>
    <message>
      <source>Gå til i dag</source>
      <translation>Gå til i dag</translation>
    </message>
    <message>
      <source>Tal = antal frister; farve og tegn = den mest presserende. Grå dage er ikke arbejdsdage (hold musen over for navnet).</source>
      <translation>Tal = antal frister; farve og tegn = den mest presserende. Grå dage er ikke arbejdsdage (hold musen over for navnet).</translation>
    </message>
    <message>
      <source>Frister på valgt dag</source>
      <translation>Frister på valgt dag</translation>
    </message>
    <message>
      <source>Frister i valgt uge</source>
      <translation>Frister i valgt uge</translation>
    </message>
    <message>
      <source>{0} {1}: {2}{3}</source>
      <translation>{0} {1}: {2}{3}</translation>
    </message>
    <message>
      <source>frist</source>
      <translation>frist</translation>
    </message>
    <message>
      <source>frister</source>
      <translation>frister</translation>
    </message>
    <message>
      <source>Uge {0} ({1}–{2}): {3}</source>
      <translation>Uge {0} ({1}–{2}): {3}</translation>
    </message>
  </context>
  <context>
    <name>CaseActions</name>
    <message>
      <source>Markér &amp;udført …</source>
      <translation>Markér &amp;udført …</translation>
    </message>
    <message>
      <source>&amp;Pause sag …</source>
      <translation>&amp;Pause sag …</translation>
    </message>
    <message>
      <source>&amp;Overdrag …</source>
      <translation>&amp;Overdrag …</translation>
    </message>
    <message>
      <source>&amp;Luk sag …</source>
      <translation>&amp;Luk sag …</translation>
    </message>
    <message>
      <source>&amp;Fortryd</source>
      <translation>&amp;Fortryd</translation>
    </message>
    <message>
      <source>Fortryd</source>
      <translation>Fortryd</translation>
    </message>
    <message>
      <source>Fortryd den sidste handling</source>
      <translation>Fortryd den sidste handling</translation>
    </message>
    <message>
      <source>S&amp;ag</source>
      <translation>S&amp;ag</translation>
    </message>
    <message>
      <source>Markér {0} udført</source>
      <translation>Markér {0} udført</translation>
    </message>
    <message>
      <source>Udført den:</source>
      <translation>Udført den:</translation>
    </message>
    <message>
      <source>Pause sag</source>
      <translation>Pause sag</translation>
    </message>
    <message>
      <source>Pause fra:</source>
      <translation>Pause fra:</translation>
    </message>
    <message>
      <source>Årsag:</source>
      <translation>Årsag:</translation>
    </message>
    <message>
      <source>Forventet slut:</source>
      <translation>Forventet slut:</translation>
    </message>
    <message>
      <source>Luk sag</source>
      <translation>Luk sag</translation>
    </message>
    <message>
      <source>Lukket den:</source>
      <translation>Lukket den:</translation>
    </message>
    <message>
      <source>Der er intet at gøre:</source>
      <translation>Der er intet at gøre:</translation>
    </message>
    <message>
      <source>{0} springes over (se detaljer).</source>
      <translation>{0} springes over (se detaljer).</translation>
    </message>
    <message>
      <source>Udfør</source>
      <translation>Udfør</translation>
    </message>
    <message>
      <source>Annullér</source>
      <translation>Annullér</translation>
    </message>
    <message>
      <source>{0}: {1} ændret.</source>
      <translation>{0}: {1} ændret.</translation>
    </message>
    <message>
      <source>Gemmer …</source>
      <translation>Gemmer …</translation>
    </message>
    <message>
      <source>Intet er ændret.</source>
      <translation>Intet er ændret.</translation>
    </message>
    <message>
      <source>Fortrudt: {0}.</source>
      <translation>Fortrudt: {0}.</translation>
    </message>
  </context>
  <context>
    <name>CaseDialog</name>
    <message>
      <source>Udført</source>
      <translation>Udført</translation>
    </message>
    <message>
      <source>»{0}« udført den:</source>
      <translation>»{0}« udført den:</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Pause</translation>
    </message>
    <message>
      <source>Sag</source>
      <translation>Sag</translation>
    </message>
    <message>
      <source>Milepæle</source>
      <translation>Milepæle</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Milepæl</source>
      <translation>Milepæl</translation>
    </message>
    <message>
      <source>Frist</source>
      <translation>Frist</translation>
    </message>
    <message>
      <source>Hvorfor denne dato?</source>
      <translation>Hvorfor denne dato?</translation>
    </message>
    <message>
      <source>Forudsætninger</source>
      <translation>Forudsætninger</translation>
    </message>
    <message>
      <source>Markér &amp;udført</source>
      <translation>Markér &amp;udført</translation>
    </message>
    <message>
      <source>&amp;Fortryd udført</source>
      <translation>&amp;Fortryd udført</translation>
    </message>
    <message>
      <source>Pause milepæl</source>
      <translation>Pause milepæl</translation>
    </message>
    <message>
      <source>&amp;Pause sag</source>
      <translation>&amp;Pause sag</translation>
    </message>
    <message>
      <source>Registrér &amp;hændelse</source>
      <translation>Registrér &amp;hændelse</translation>
    </message>
    <message>
      <source>&amp;Overdrag</source>
      <translation>&amp;Overdrag</translation>
    </message>
    <message>
      <source>&amp;Luk sag</source>
      <translation>&amp;Luk sag</translation>
    </message>
    <message>
      <source>Fri&amp;tag</source>
      <translation>Fri&amp;tag</translation>
    </message>
    <message>
      <source>Fritag milepælen (med begrundelse): den forlader arbejdslisterne og tæller som fritaget i rettidighedstallene</source>
      <translation>Fritag milepælen (med begrundelse): den forlader arbejdslisterne og tæller som fritaget i rettidighedstallene</translation>
    </message>
    <message>
      <source>Skriv underretning…</source>
      <translation>Skriv underretning…</translation>
    </message>
    <message>
      <source>Brev til ansøgeren om, hvornår en afgørelse kan forventes, når fristen ikke kan holdes (rsl. § 3, stk. 2)</source>
      <translation>Brev til ansøgeren om, hvornår en afgørelse kan forventes, når fristen ikke kan holdes (rsl. § 3, stk. 2)</translation>
    </message>
    <message>
      <source>Bemærkninger</source>
      <translation>Bemærkninger</translation>
    </message>
    <message>
      <source>Ophæv fri&amp;tagelse</source>
      <translation>Ophæv fri&amp;tagelse</translation>
    </message>
    <message>
      <source>Fritag milepæl</source>
      <translation>Fritag milepæl</translation>
    </message>
    <message>
      <source>Hvorfor fritages »{0}«? (Fx: selv i job om 14 dage.) Begrundelsen står i historikken.</source>
      <translation>Hvorfor fritages »{0}«? (Fx: selv i job om 14 dage.) Begrundelsen står i historikken.</translation>
    </message>
    <message>
      <source>Forventet slut:</source>
      <translation>Forventet slut:</translation>
    </message>
    <message>
      <source>Indsigt {0}.xlsx</source>
      <translation>Indsigt {0}.xlsx</translation>
    </message>
    <message>
      <source>Gem indsigtsrapport</source>
      <translation>Gem indsigtsrapport</translation>
    </message>
    <message>
      <source>Excel-projektmappe (*.xlsx)</source>
      <translation>Excel-projektmappe (*.xlsx)</translation>
    </message>
    <message>
      <source>Personoplysningerne i denne sag er slettet (opbevaringsperioden).</source>
      <translation>Personoplysningerne i denne sag er slettet (opbevaringsperioden).</translation>
    </message>
    <message>
      <source>Seneste rapport: {0} ({1} sager)</source>
      <translation>Seneste rapport: {0} ({1} sager)</translation>
    </message>
    <message>
      <source>Den nye bemærkning er ikke tilføjet. Tilføj den, før vinduet lukkes?</source>
      <translation>Den nye bemærkning er ikke tilføjet. Tilføj den, før vinduet lukkes?</translation>
    </message>
    <message>
      <source>Historik</source>
      <translation>Historik</translation>
    </message>
    <message>
      <source>&lt;b&gt;Hvorfor denne dato?&lt;/b&gt;</source>
      <translation>&lt;b&gt;Hvorfor denne dato?&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Forudsætninger&lt;/b&gt;</source>
      <translation>&lt;b&gt;Forudsætninger&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Luk vindue</source>
      <translation>Luk vindue</translation>
    </message>
    <message>
      <source>Sag {0} — {1}</source>
      <translation>Sag {0} — {1}</translation>
    </message>
    <message>
      <source>Ingen frist endnu: hændelsen er ikke registreret.</source>
      <translation>Ingen frist endnu: hændelsen er ikke registreret.</translation>
    </message>
    <message>
      <source>Kilde: »{0}«</source>
      <translation>Kilde: »{0}«</translation>
    </message>
    <message>
      <source>Markér »{0}« udført (Ctrl+D)</source>
      <translation>Markér »{0}« udført (Ctrl+D)</translation>
    </message>
    <message>
      <source>Markér »{0}« udført</source>
      <translation>Markér »{0}« udført</translation>
    </message>
    <message>
      <source>Genoptag milepæl</source>
      <translation>Genoptag milepæl</translation>
    </message>
    <message>
      <source>|| På pause siden {0} ({1}): fristen nedenfor flyttes med de hverdage pausen varer, når den genoptages.</source>
      <translation>|| På pause siden {0} ({1}): fristen nedenfor flyttes med de hverdage pausen varer, når den genoptages.</translation>
    </message>
    <message>
      <source>Genoptag &amp;sag</source>
      <translation>Genoptag &amp;sag</translation>
    </message>
    <message>
      <source>&amp;Genåbn sag</source>
      <translation>&amp;Genåbn sag</translation>
    </message>
    <message>
      <source>Ændret af en anden</source>
      <translation>Ændret af en anden</translation>
    </message>
    <message>
      <source>Genoptagelsen kan ikke ligge før pausens start ({0}).</source>
      <translation>Genoptagelsen kan ikke ligge før pausens start ({0}).</translation>
    </message>
    <message>
      <source>Genoptag</source>
      <translation>Genoptag</translation>
    </message>
    <message>
      <source>Genoptaget den:</source>
      <translation>Genoptaget den:</translation>
    </message>
    <message>
      <source>Pause fra:</source>
      <translation>Pause fra:</translation>
    </message>
    <message>
      <source>Begrundelse:</source>
      <translation>Begrundelse:</translation>
    </message>
    <message>
      <source>Luk sag</source>
      <translation>Luk sag</translation>
    </message>
    <message>
      <source>Lukket den:</source>
      <translation>Lukket den:</translation>
    </message>
    <message>
      <source>Fuldt CPR-nummer vist i sagsvinduet</source>
      <translation>Fuldt CPR-nummer vist i sagsvinduet</translation>
    </message>
    <message>
      <source>Ikke gemt</source>
      <translation>Ikke gemt</translation>
    </message>
  </context>
  <context>
    <name>CaseHeader</name>
    <message>
      <source>Vis CPR</source>
      <translation>Vis CPR</translation>
    </message>
    <message>
      <source>Vis fuldt CPR-nummer (logges)</source>
      <translation>Vis fuldt CPR-nummer (logges)</translation>
    </message>
    <message>
      <source>Viser det fulde CPR-nummer. Det registreres i sagens historik.</source>
      <translation>Viser det fulde CPR-nummer. Det registreres i sagens historik.</translation>
    </message>
    <message>
      <source>Indsigt…</source>
      <translation>Indsigt…</translation>
    </message>
    <message>
      <source>Indsigtsrapport om personen</source>
      <translation>Indsigtsrapport om personen</translation>
    </message>
    <message>
      <source>Alt om personen i alle sager (Excel), til en anmodning om indsigt. Det registreres i historikken.</source>
      <translation>Alt om personen i alle sager (Excel), til en anmodning om indsigt. Det registreres i historikken.</translation>
    </message>
    <message>
      <source>Ret…</source>
      <translation>Ret…</translation>
    </message>
    <message>
      <source>Ret partens navn eller nummer</source>
      <translation>Ret partens navn eller nummer</translation>
    </message>
    <message>
      <source>Ret en fejl i navn eller CPR/CVR, med begrundelse.</source>
      <translation>Ret en fejl i navn eller CPR/CVR, med begrundelse.</translation>
    </message>
    <message>
      <source>åben</source>
      <translation>åben</translation>
    </message>
    <message>
      <source>lukket {0}</source>
      <translation>lukket {0}</translation>
    </message>
    <message>
      <source>Sagsbehandler: {0}  Team: {1}</source>
      <translation>Sagsbehandler: {0}  Team: {1}</translation>
    </message>
    <message>
      <source>  ·  Udlånt til {0} (bærbar {1}) siden {2}; en ændring her kan give en konflikt ved afleveringen</source>
      <translation>  ·  Udlånt til {0} (bærbar {1}) siden {2}; en ændring her kan give en konflikt ved afleveringen</translation>
    </message>
    <message>
      <source>Hændelser: {0}  ·  Regelkatalog: {1} ({2}) – det, der gjaldt ved sagens start</source>
      <translation>Hændelser: {0}  ·  Regelkatalog: {1} ({2}) – det, der gjaldt ved sagens start</translation>
    </message>
    <message>
      <source>|| Sagen er sat på pause siden {0}: {1}. Fristerne flyttes med de hverdage pausen varer, når sagen genoptages.</source>
      <translation>|| Sagen er sat på pause siden {0}: {1}. Fristerne flyttes med de hverdage pausen varer, når sagen genoptages.</translation>
    </message>
    <message>
      <source>Forventet slut: {0}.</source>
      <translation>Forventet slut: {0}.</translation>
    </message>
  </context>
  <context>
    <name>CaseRegisterView</name>
    <message>
      <source>Søg i sager</source>
      <translation>Søg i sager</translation>
    </message>
    <message>
      <source>Søg navn, sagsnr. eller CPR/CVR …</source>
      <translation>Søg navn, sagsnr. eller CPR/CVR …</translation>
    </message>
    <message>
      <source>Vis sager</source>
      <translation>Vis sager</translation>
    </message>
    <message>
      <source>Åbne sager</source>
      <translation>Åbne sager</translation>
    </message>
    <message>
      <source>Lukkede sager</source>
      <translation>Lukkede sager</translation>
    </message>
    <message>
      <source>Alle sager</source>
      <translation>Alle sager</translation>
    </message>
    <message>
      <source>Sagsregister</source>
      <translation>Sagsregister</translation>
    </message>
    <message>
      <source>Åbn</source>
      <translation>Åbn</translation>
    </message>
    <message>
      <source>Luk sag</source>
      <translation>Luk sag</translation>
    </message>
    <message>
      <source>Genåbn</source>
      <translation>Genåbn</translation>
    </message>
    <message>
      <source>Åbn sagen</source>
      <translation>Åbn sagen</translation>
    </message>
    <message>
      <source>Luk den valgte sag</source>
      <translation>Luk den valgte sag</translation>
    </message>
    <message>
      <source>Genåbn den valgte sag</source>
      <translation>Genåbn den valgte sag</translation>
    </message>
    <message>
      <source>Søger</source>
      <translation>Søger</translation>
    </message>
    <message>
      <source> (de {0} nyeste; søg for at finde ældre)</source>
      <translation> (de {0} nyeste; søg for at finde ældre)</translation>
    </message>
    <message>
      <source>sag</source>
      <translation>sag</translation>
    </message>
    <message>
      <source>sager</source>
      <translation>sager</translation>
    </message>
    <message>
      <source>Luk sag {0} ({1})? Åbne milepæle bortfalder.</source>
      <translation>Luk sag {0} ({1})? Åbne milepæle bortfalder.</translation>
    </message>
  </context>
  <context>
    <name>CaseTableModel</name>
    <message>
      <source>Sagsnr.</source>
      <translation>Sagsnr.</translation>
    </message>
    <message>
      <source>Målgruppe</source>
      <translation>Målgruppe</translation>
    </message>
    <message>
      <source>Part</source>
      <translation>Part</translation>
    </message>
    <message>
      <source>CPR/CVR</source>
      <translation>CPR/CVR</translation>
    </message>
    <message>
      <source>Sagsbehandler</source>
      <translation>Sagsbehandler</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Åbne frister</source>
      <translation>Åbne frister</translation>
    </message>
    <message>
      <source>Næste frist</source>
      <translation>Næste frist</translation>
    </message>
    <message>
      <source>Åben</source>
      <translation>Åben</translation>
    </message>
    <message>
      <source>Lukket</source>
      <translation>Lukket</translation>
    </message>
  </context>
  <context>
    <name>CataloguePanel</name>
    <message>
      <source>En sag registreres under det katalog, der gælder på sagens startdato, og beholder det. Et nyt katalog flytter ingen sager af sig selv: brug »Flyt åbne sager …«.</source>
      <translation>En sag registreres under det katalog, der gælder på sagens startdato, og beholder det. Et nyt katalog flytter ingen sager af sig selv: brug »Flyt åbne sager …«.</translation>
    </message>
    <message>
      <source>Regelkataloger over tid</source>
      <translation>Regelkataloger over tid</translation>
    </message>
    <message>
      <source>Katalog</source>
      <translation>Katalog</translation>
    </message>
    <message>
      <source>Id</source>
      <translation>Id</translation>
    </message>
    <message>
      <source>Nye sager fra</source>
      <translation>Nye sager fra</translation>
    </message>
    <message>
      <source>Til og med</source>
      <translation>Til og med</translation>
    </message>
    <message>
      <source>Sager</source>
      <translation>Sager</translation>
    </message>
    <message>
      <source>Tilføj katalog …</source>
      <translation>Tilføj katalog …</translation>
    </message>
    <message>
      <source>Fjern valgte</source>
      <translation>Fjern valgte</translation>
    </message>
    <message>
      <source>Flyt åbne sager til valgte …</source>
      <translation>Flyt åbne sager til valgte …</translation>
    </message>
    <message>
      <source>{0} fra {1}</source>
      <translation>{0} fra {1}</translation>
    </message>
    <message>
      <source>Lukket for nye sager i {0}: {1}</source>
      <translation>Lukket for nye sager i {0}: {1}</translation>
    </message>
    <message>
      <source>ingen</source>
      <translation>ingen</translation>
    </message>
    <message>
      <source>Vælg katalogfil</source>
      <translation>Vælg katalogfil</translation>
    </message>
    <message>
      <source>Regelkatalog (*.toml)</source>
      <translation>Regelkatalog (*.toml)</translation>
    </message>
    <message>
      <source>Kataloget kan ikke bruges</source>
      <translation>Kataloget kan ikke bruges</translation>
    </message>
    <message>
      <source>{0} ({1}) er tilføjet og gælder for nye sager fra {2}. Åbne sager beholder deres katalog.</source>
      <translation>{0} ({1}) er tilføjet og gælder for nye sager fra {2}. Åbne sager beholder deres katalog.</translation>
    </message>
    <message>
      <source>Katalog tilføjet</source>
      <translation>Katalog tilføjet</translation>
    </message>
    <message>
      <source>Vælg det katalog, sagerne skal flyttes til.</source>
      <translation>Vælg det katalog, sagerne skal flyttes til.</translation>
    </message>
  </context>
  <context>
    <name>CheckinDialog</name>
    <message>
      <source>Aflever sager</source>
      <translation>Aflever sager</translation>
    </message>
    <message>
      <source>Den bærbares ændringer flettes ind i teamdatabasen felt for felt. Hvor en kollega har ændret det samme, bliver det en konflikt, du afgør bagefter; intet går tabt.</source>
      <translation>Den bærbares ændringer flettes ind i teamdatabasen felt for felt. Hvor en kollega har ændret det samme, bliver det en konflikt, du afgør bagefter; intet går tabt.</translation>
    </message>
    <message>
      <source>Den bærbares fil</source>
      <translation>Den bærbares fil</translation>
    </message>
    <message>
      <source>Vælg …</source>
      <translation>Vælg …</translation>
    </message>
    <message>
      <source>Adgangskode til kopien</source>
      <translation>Adgangskode til kopien</translation>
    </message>
    <message>
      <source>Fjern kopien bagefter (udlånet afsluttes)</source>
      <translation>Fjern kopien bagefter (udlånet afsluttes)</translation>
    </message>
    <message>
      <source>Fjern kopien bagefter</source>
      <translation>Fjern kopien bagefter</translation>
    </message>
    <message>
      <source>Fil:</source>
      <translation>Fil:</translation>
    </message>
    <message>
      <source>&amp;Adgangskode:</source>
      <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
      <source>Aflever</source>
      <translation>Aflever</translation>
    </message>
    <message>
      <source>Database (*.sqlite3)</source>
      <translation>Database (*.sqlite3)</translation>
    </message>
    <message>
      <source>Fletter den bærbares ændringer …</source>
      <translation>Fletter den bærbares ændringer …</translation>
    </message>
    <message>
      <source>{0} afleveret: {1} overført, {2}, {3}.</source>
      <translation>{0} afleveret: {1} overført, {2}, {3}.</translation>
    </message>
    <message>
      <source>sag</source>
      <translation>sag</translation>
    </message>
    <message>
      <source>sager</source>
      <translation>sager</translation>
    </message>
    <message>
      <source>ændring</source>
      <translation>ændring</translation>
    </message>
    <message>
      <source>ændringer</source>
      <translation>ændringer</translation>
    </message>
    <message>
      <source>historikpost</source>
      <translation>historikpost</translation>
    </message>
    <message>
      <source>historikposter</source>
      <translation>historikposter</translation>
    </message>
    <message>
      <source>konflikt</source>
      <translation>konflikt</translation>
    </message>
    <message>
      <source>konflikter</source>
      <translation>konflikter</translation>
    </message>
    <message>
      <source>Ny sag {0} har fået nummeret {1}.</source>
      <translation>Ny sag {0} har fået nummeret {1}.</translation>
    </message>
  </context>
  <context>
    <name>CheckoutDialog</name>
    <message>
      <source>Tag sager med ud</source>
      <translation>Tag sager med ud</translation>
    </message>
    <message>
      <source>Sagerne kopieres til en fil på den bærbare, så du kan arbejde uden net. Kolleger kan stadig ændre dem; ved afleveringen flettes ændringerne, og konflikter vises.</source>
      <translation>Sagerne kopieres til en fil på den bærbare, så du kan arbejde uden net. Kolleger kan stadig ændre dem; ved afleveringen flettes ændringerne, og konflikter vises.</translation>
    </message>
    <message>
      <source>Sager der tages med</source>
      <translation>Sager der tages med</translation>
    </message>
    <message>
      <source>Fil på den bærbare</source>
      <translation>Fil på den bærbare</translation>
    </message>
    <message>
      <source>Vælg …</source>
      <translation>Vælg …</translation>
    </message>
    <message>
      <source>Den bærbares navn</source>
      <translation>Den bærbares navn</translation>
    </message>
    <message>
      <source>Adgangskode</source>
      <translation>Adgangskode</translation>
    </message>
    <message>
      <source>Gentag adgangskoden</source>
      <translation>Gentag adgangskoden</translation>
    </message>
    <message>
      <source>Uden kryptering (kun efter aftale)</source>
      <translation>Uden kryptering (kun efter aftale)</translation>
    </message>
    <message>
      <source>Uden kryptering</source>
      <translation>Uden kryptering</translation>
    </message>
    <message>
      <source>Fil:</source>
      <translation>Fil:</translation>
    </message>
    <message>
      <source>&amp;Bærbarens navn:</source>
      <translation>&amp;Bærbarens navn:</translation>
    </message>
    <message>
      <source>&amp;Adgangskode:</source>
      <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
      <source>&amp;Gentag:</source>
      <translation>&amp;Gentag:</translation>
    </message>
    <message>
      <source>Tag med ud</source>
      <translation>Tag med ud</translation>
    </message>
    <message>
      <source>Mine åbne sager ({0}):</source>
      <translation>Mine åbne sager ({0}):</translation>
    </message>
    <message>
      <source>Vælg mindst én sag.</source>
      <translation>Vælg mindst én sag.</translation>
    </message>
    <message>
      <source>Vælg en fil.</source>
      <translation>Vælg en fil.</translation>
    </message>
    <message>
      <source>Filen findes allerede; aflever den først, eller vælg et andet navn.</source>
      <translation>Filen findes allerede; aflever den først, eller vælg et andet navn.</translation>
    </message>
    <message>
      <source>Adgangskoden skal have mindst {0} tegn.</source>
      <translation>Adgangskoden skal have mindst {0} tegn.</translation>
    </message>
    <message>
      <source>De to adgangskoder er ikke ens.</source>
      <translation>De to adgangskoder er ikke ens.</translation>
    </message>
    <message>
      <source>Advarsel: kopien bliver UKRYPTERET. En bærbar med CPR-numre skal være krypteret.</source>
      <translation>Advarsel: kopien bliver UKRYPTERET. En bærbar med CPR-numre skal være krypteret.</translation>
    </message>
    <message>
      <source>Database (*.sqlite3)</source>
      <translation>Database (*.sqlite3)</translation>
    </message>
    <message>
      <source>Kopierer sagerne …</source>
      <translation>Kopierer sagerne …</translation>
    </message>
  </context>
  <context>
    <name>ConflictModel</name>
    <message>
      <source>Sag</source>
      <translation>Sag</translation>
    </message>
    <message>
      <source>Hvad</source>
      <translation>Hvad</translation>
    </message>
    <message>
      <source>Teamdatabasen (gælder nu)</source>
      <translation>Teamdatabasen (gælder nu)</translation>
    </message>
    <message>
      <source>Bærbar</source>
      <translation>Bærbar</translation>
    </message>
    <message>
      <source>Før udlån</source>
      <translation>Før udlån</translation>
    </message>
  </context>
  <context>
    <name>ConflictsDialog</name>
    <message>
      <source>Konflikter fra afleveringer</source>
      <translation>Konflikter fra afleveringer</translation>
    </message>
    <message>
      <source>Konflikter</source>
      <translation>Konflikter</translation>
    </message>
    <message>
      <source>Teamdatabasens værdi</source>
      <translation>Teamdatabasens værdi</translation>
    </message>
    <message>
      <source>Den bærbares værdi</source>
      <translation>Den bærbares værdi</translation>
    </message>
    <message>
      <source>Teamdatabasen (gælder nu):</source>
      <translation>Teamdatabasen (gælder nu):</translation>
    </message>
    <message>
      <source>Den bærbare:</source>
      <translation>Den bærbare:</translation>
    </message>
    <message>
      <source>Behold &amp;teamdatabasens</source>
      <translation>Behold &amp;teamdatabasens</translation>
    </message>
    <message>
      <source>Brug den &amp;bærbares</source>
      <translation>Brug den &amp;bærbares</translation>
    </message>
    <message>
      <source>Skriv &amp;ny tekst …</source>
      <translation>Skriv &amp;ny tekst …</translation>
    </message>
    <message>
      <source>{0} uafgjorte konflikter. Indtil du afgør en konflikt, gælder teamdatabasens værdi; den bærbares er gemt her og i historikken.</source>
      <translation>{0} uafgjorte konflikter. Indtil du afgør en konflikt, gælder teamdatabasens værdi; den bærbares er gemt her og i historikken.</translation>
    </message>
    <message>
      <source>Ingen uafgjorte konflikter.</source>
      <translation>Ingen uafgjorte konflikter.</translation>
    </message>
    <message>
      <source>Ny bemærkning</source>
      <translation>Ny bemærkning</translation>
    </message>
    <message>
      <source>Bemærkningen (begge udgaver står her):</source>
      <translation>Bemærkningen (begge udgaver står her):</translation>
    </message>
  </context>
  <context>
    <name>CorrectPartyDialog</name>
    <message>
      <source>Ret part – sag {0}</source>
      <translation>Ret part – sag {0}</translation>
    </message>
    <message>
      <source>Ret en fejl i navnet eller nummeret. Før og efter og begrundelsen står i sagens historik. Nummeret kontrolleres som ved oprettelsen.</source>
      <translation>Ret en fejl i navnet eller nummeret. Før og efter og begrundelsen står i sagens historik. Nummeret kontrolleres som ved oprettelsen.</translation>
    </message>
    <message>
      <source>Tomt: nummeret er uændret.</source>
      <translation>Tomt: nummeret er uændret.</translation>
    </message>
    <message>
      <source>ny dato, fx 24-11-2026 (tomt: uændret)</source>
      <translation>ny dato, fx 24-11-2026 (tomt: uændret)</translation>
    </message>
    <message>
      <source>Navn:</source>
      <translation>Navn:</translation>
    </message>
    <message>
      <source>CPR/CVR (nyt):</source>
      <translation>CPR/CVR (nyt):</translation>
    </message>
    <message>
      <source>Hændelse:</source>
      <translation>Hændelse:</translation>
    </message>
    <message>
      <source>Rettet dato:</source>
      <translation>Rettet dato:</translation>
    </message>
    <message>
      <source>Begrundelse:</source>
      <translation>Begrundelse:</translation>
    </message>
    <message>
      <source>Ret</source>
      <translation>Ret</translation>
    </message>
    <message>
      <source>Ret enten parten eller en hændelse ad gangen.</source>
      <translation>Ret enten parten eller en hændelse ad gangen.</translation>
    </message>
  </context>
  <context>
    <name>DailyWork</name>
    <message>
      <source>Dagens kontrol af databasen og sikkerhedskopi kører …</source>
      <translation>Dagens kontrol af databasen og sikkerhedskopi kører …</translation>
    </message>
    <message>
      <source>Klar</source>
      <translation>Klar</translation>
    </message>
    <message>
      <source>Dagens kontrol fandt en fejl i databasen</source>
      <translation>Dagens kontrol fandt en fejl i databasen</translation>
    </message>
    <message>
      <source>Databasen er beskadiget</source>
      <translation>Databasen er beskadiget</translation>
    </message>
  </context>
  <context>
    <name>DateReasonDialog</name>
    <message>
      <source>Vælg eller skriv en årsag</source>
      <translation>Vælg eller skriv en årsag</translation>
    </message>
    <message>
      <source>Angiv en begrundelse.</source>
      <translation>Angiv en begrundelse.</translation>
    </message>
    <message>
      <source>Den forventede slutdato ligger før pausens start.</source>
      <translation>Den forventede slutdato ligger før pausens start.</translation>
    </message>
  </context>
  <context>
    <name>DeadlineCalendar</name>
    <message>
      <source>{0} — mest presserende: {1}</source>
      <translation>{0} — mest presserende: {1}</translation>
    </message>
    <message>
      <source>frist</source>
      <translation>frist</translation>
    </message>
    <message>
      <source>frister</source>
      <translation>frister</translation>
    </message>
  </context>
  <context>
    <name>DeadlineTableModel</name>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Frist</source>
      <translation>Frist</translation>
    </message>
    <message>
      <source>Hverdage</source>
      <translation>Hverdage</translation>
    </message>
    <message>
      <source>Milepæl</source>
      <translation>Milepæl</translation>
    </message>
    <message>
      <source>Målgruppe</source>
      <translation>Målgruppe</translation>
    </message>
    <message>
      <source>Part</source>
      <translation>Part</translation>
    </message>
    <message>
      <source>CPR/CVR</source>
      <translation>CPR/CVR</translation>
    </message>
    <message>
      <source>Sagsnr.</source>
      <translation>Sagsnr.</translation>
    </message>
    <message>
      <source>Sagsbehandler</source>
      <translation>Sagsbehandler</translation>
    </message>
    <message>
      <source>Seneste bemærkning</source>
      <translation>Seneste bemærkning</translation>
    </message>
    <message>
      <source> · underrettet</source>
      <translation> · underrettet</translation>
    </message>
    <message>
      <source>Pauset siden {0}</source>
      <translation>Pauset siden {0}</translation>
    </message>
    <message>
      <source> (skulle slutte {0})</source>
      <translation> (skulle slutte {0})</translation>
    </message>
    <message>
      <source>Afgørelsen skal træffes senest {0}. Kan fristen ikke holdes, skal ansøgeren skriftligt have besked om, hvornår en afgørelse kan forventes (retssikkerhedslovens § 3, stk. 2): åbn sagen og vælg »Skriv underretning«.</source>
      <translation>Afgørelsen skal træffes senest {0}. Kan fristen ikke holdes, skal ansøgeren skriftligt have besked om, hvornår en afgørelse kan forventes (retssikkerhedslovens § 3, stk. 2): åbn sagen og vælg »Skriv underretning«.</translation>
    </message>
    <message>
      <source>Fristen er overskredet, og ansøgeren har ikke fået skriftlig underretning (retssikkerhedslovens § 3, stk. 2). Send en underretning nu: åbn sagen og vælg »Skriv underretning«.</source>
      <translation>Fristen er overskredet, og ansøgeren har ikke fået skriftlig underretning (retssikkerhedslovens § 3, stk. 2). Send en underretning nu: åbn sagen og vælg »Skriv underretning«.</translation>
    </message>
    <message>
      <source>Underretning sendt {0}, efter fristen.</source>
      <translation>Underretning sendt {0}, efter fristen.</translation>
    </message>
    <message>
      <source>Underretning sendt {0}.</source>
      <translation>Underretning sendt {0}.</translation>
    </message>
    <message>
      <source> · konflikt</source>
      <translation> · konflikt</translation>
    </message>
    <message>
      <source>Konflikt fra en aflevering fra en bærbar: afgør den under Filer → Konflikter.</source>
      <translation>Konflikt fra en aflevering fra en bærbar: afgør den under Filer → Konflikter.</translation>
    </message>
    <message>
      <source>Sagen er på pause siden {0}, men fristen var allerede overskredet.</source>
      <translation>Sagen er på pause siden {0}, men fristen var allerede overskredet.</translation>
    </message>
    <message>
      <source>Foreløbig: regnet fra forrige milepæls frist, indtil den er udført.</source>
      <translation>Foreløbig: regnet fra forrige milepæls frist, indtil den er udført.</translation>
    </message>
    <message>
      <source>Hverdage til fristen (negativ: overskredet)</source>
      <translation>Hverdage til fristen (negativ: overskredet)</translation>
    </message>
  </context>
  <context>
    <name>Dialog</name>
    <message>
      <source>Luk</source>
      <translation>Luk</translation>
    </message>
    <message>
      <source>Annullér</source>
      <translation>Annullér</translation>
    </message>
  </context>
  <context>
    <name>DigestDialog</name>
    <message>
      <source>Dagens frister</source>
      <translation>Dagens frister</translation>
    </message>
    <message>
      <source>&lt;b&gt;God morgen.&lt;/b&gt; {0} i dag og {1}.</source>
      <translation>&lt;b&gt;God morgen.&lt;/b&gt; {0} i dag og {1}.</translation>
    </message>
    <message>
      <source>frist</source>
      <translation>frist</translation>
    </message>
    <message>
      <source>frister</source>
      <translation>frister</translation>
    </message>
    <message>
      <source>overskredet frist</source>
      <translation>overskredet frist</translation>
    </message>
    <message>
      <source>overskredne frister</source>
      <translation>overskredne frister</translation>
    </message>
    <message>
      <source>{0} skulle være slut: genoptag eller forlæng.</source>
      <translation>{0} skulle være slut: genoptag eller forlæng.</translation>
    </message>
    <message>
      <source>pause</source>
      <translation>pause</translation>
    </message>
    <message>
      <source>pauser</source>
      <translation>pauser</translation>
    </message>
    <message>
      <source>Frister i dag og overskredne</source>
      <translation>Frister i dag og overskredne</translation>
    </message>
    <message>
      <source>Vis ikke igen i dag</source>
      <translation>Vis ikke igen i dag</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>Fejl</source>
      <translation>Fejl</translation>
    </message>
    <message>
      <source>Der opstod en uventet fejl. Det du har gemt er ikke tabt, og programmet kører videre.

Detaljer er skrevet i logfilen:
{0}</source>
      <translation>Der opstod en uventet fejl. Det du har gemt er ikke tabt, og programmet kører videre.

Detaljer er skrevet i logfilen:
{0}</translation>
    </message>
    <message>
      <source>Uventet fejl</source>
      <translation>Uventet fejl</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Eksportér arbejdsliste</source>
      <translation>Eksportér arbejdsliste</translation>
    </message>
    <message>
      <source>Mine frister ({0})</source>
      <translation>Mine frister ({0})</translation>
    </message>
    <message>
      <source>Sagsbehandler:</source>
      <translation>Sagsbehandler:</translation>
    </message>
    <message>
      <source>Team:</source>
      <translation>Team:</translation>
    </message>
    <message>
      <source>Alle</source>
      <translation>Alle</translation>
    </message>
    <message>
      <source>Uge:</source>
      <translation>Uge:</translation>
    </message>
    <message>
      <source>Periode:</source>
      <translation>Periode:</translation>
    </message>
    <message>
      <source>De næste</source>
      <translation>De næste</translation>
    </message>
    <message>
      <source>Ét ark pr. sagsbehandler</source>
      <translation>Ét ark pr. sagsbehandler</translation>
    </message>
    <message>
      <source>Fulde CPR-numre (registreres i historikken)</source>
      <translation>Fulde CPR-numre (registreres i historikken)</translation>
    </message>
    <message>
      <source>Vælg …</source>
      <translation>Vælg …</translation>
    </message>
    <message>
      <source>Hvilke frister</source>
      <translation>Hvilke frister</translation>
    </message>
    <message>
      <source>Periode (overskredne frister kommer altid med, øverst)</source>
      <translation>Periode (overskredne frister kommer altid med, øverst)</translation>
    </message>
    <message>
      <source>år</source>
      <translation>år</translation>
    </message>
    <message>
      <source>hverdage</source>
      <translation>hverdage</translation>
    </message>
    <message>
      <source>Eksportér</source>
      <translation>Eksportér</translation>
    </message>
    <message>
      <source>Gem som:</source>
      <translation>Gem som:</translation>
    </message>
    <message>
      <source>Gem arbejdsliste</source>
      <translation>Gem arbejdsliste</translation>
    </message>
    <message>
      <source>Excel-projektmappe (*.xlsx)</source>
      <translation>Excel-projektmappe (*.xlsx)</translation>
    </message>
    <message>
      <source>Filnavnet skal ende på .xlsx.</source>
      <translation>Filnavnet skal ende på .xlsx.</translation>
    </message>
    <message>
      <source>Eksporterer</source>
      <translation>Eksporterer</translation>
    </message>
    <message>
      <source>Skriver arbejdslisten …</source>
      <translation>Skriver arbejdslisten …</translation>
    </message>
    <message>
      <source>Eksporten blev annulleret; ingen fil er skrevet.</source>
      <translation>Eksporten blev annulleret; ingen fil er skrevet.</translation>
    </message>
    <message>
      <source>Arbejdslisten kunne ikke gemmes</source>
      <translation>Arbejdslisten kunne ikke gemmes</translation>
    </message>
    <message>
      <source>Eksporteret</source>
      <translation>Eksporteret</translation>
    </message>
    <message>
      <source>Åbn fil</source>
      <translation>Åbn fil</translation>
    </message>
    <message>
      <source>Åbn mappe</source>
      <translation>Åbn mappe</translation>
    </message>
    <message>
      <source>Luk</source>
      <translation>Luk</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <source>Velkommen til Jobcenter Frister</source>
      <translation>Velkommen til Jobcenter Frister</translation>
    </message>
    <message>
      <source>Velkommen</source>
      <translation>Velkommen</translation>
    </message>
    <message>
      <source>Hvem er du? Dit brugernavn står på de sager du opretter, og »Mine frister« viser dine sager. Det kan ændres senere under Indstillinger.</source>
      <translation>Hvem er du? Dit brugernavn står på de sager du opretter, og »Mine frister« viser dine sager. Det kan ændres senere under Indstillinger.</translation>
    </message>
    <message>
      <source>Brugernavn</source>
      <translation>Brugernavn</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>fx Team Vest</source>
      <translation>fx Team Vest</translation>
    </message>
    <message>
      <source>Brugernavn:</source>
      <translation>Brugernavn:</translation>
    </message>
    <message>
      <source>Team:</source>
      <translation>Team:</translation>
    </message>
    <message>
      <source>Brugernavnet</source>
      <translation>Brugernavnet</translation>
    </message>
    <message>
      <source>Teamet</source>
      <translation>Teamet</translation>
    </message>
  </context>
  <context>
    <name>GuideDialog</name>
    <message>
      <source>Kort vejledning</source>
      <translation>Kort vejledning</translation>
    </message>
    <message>
      <source>Vejledning</source>
      <translation>Vejledning</translation>
    </message>
    <message>
      <source>Vejledningen blev ikke fundet ({0}).</source>
      <translation>Vejledningen blev ikke fundet ({0}).</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>&lt;h3&gt;Jobcenter Frister {0}&lt;/h3&gt;&lt;p&gt;Frister for jobcentrets sager efter retssikkerhedslovens § 3, stk. 2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Regelkatalog:&lt;/b&gt; {1} — {2}&lt;br&gt;&lt;b&gt;Database:&lt;/b&gt; {3}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licens:&lt;/b&gt; {4}&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Jobcenter Frister {0}&lt;/h3&gt;&lt;p&gt;Frister for jobcentrets sager efter retssikkerhedslovens § 3, stk. 2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Regelkatalog:&lt;/b&gt; {1} — {2}&lt;br&gt;&lt;b&gt;Database:&lt;/b&gt; {3}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licens:&lt;/b&gt; {4}&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Proprietær; til brug i kommunens jobcenter.</source>
      <translation>Proprietær; til brug i kommunens jobcenter.</translation>
    </message>
    <message>
      <source>Om Jobcenter Frister</source>
      <translation>Om Jobcenter Frister</translation>
    </message>
  </context>
  <context>
    <name>History</name>
    <message>
      <source>Oprettet</source>
      <translation>Oprettet</translation>
    </message>
    <message>
      <source>Frist beregnet</source>
      <translation>Frist beregnet</translation>
    </message>
    <message>
      <source>Udført</source>
      <translation>Udført</translation>
    </message>
    <message>
      <source>Udført fortrudt</source>
      <translation>Udført fortrudt</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Pause</translation>
    </message>
    <message>
      <source>Genoptaget</source>
      <translation>Genoptaget</translation>
    </message>
    <message>
      <source>Hændelse</source>
      <translation>Hændelse</translation>
    </message>
    <message>
      <source>Overdraget</source>
      <translation>Overdraget</translation>
    </message>
    <message>
      <source>Ændret</source>
      <translation>Ændret</translation>
    </message>
    <message>
      <source>Lukket</source>
      <translation>Lukket</translation>
    </message>
    <message>
      <source>Genåbnet</source>
      <translation>Genåbnet</translation>
    </message>
    <message>
      <source>Bortfaldet</source>
      <translation>Bortfaldet</translation>
    </message>
    <message>
      <source>Genberegnet</source>
      <translation>Genberegnet</translation>
    </message>
    <message>
      <source>CPR vist</source>
      <translation>CPR vist</translation>
    </message>
    <message>
      <source>Udlånt</source>
      <translation>Udlånt</translation>
    </message>
    <message>
      <source>Udlån afsluttet (bortkommet)</source>
      <translation>Udlån afsluttet (bortkommet)</translation>
    </message>
    <message>
      <source>Afleveret</source>
      <translation>Afleveret</translation>
    </message>
    <message>
      <source>Konflikt</source>
      <translation>Konflikt</translation>
    </message>
    <message>
      <source>Konflikt afgjort</source>
      <translation>Konflikt afgjort</translation>
    </message>
    <message>
      <source>Slettet</source>
      <translation>Slettet</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>Sat</translation>
    </message>
    <message>
      <source>Importeret</source>
      <translation>Importeret</translation>
    </message>
    <message>
      <source>Demodata</source>
      <translation>Demodata</translation>
    </message>
    <message>
      <source>Sikkerhedskopi</source>
      <translation>Sikkerhedskopi</translation>
    </message>
    <message>
      <source>Gendannet</source>
      <translation>Gendannet</translation>
    </message>
    <message>
      <source>Krypteret</source>
      <translation>Krypteret</translation>
    </message>
    <message>
      <source>Dekrypteret</source>
      <translation>Dekrypteret</translation>
    </message>
    <message>
      <source>Pause fortrudt</source>
      <translation>Pause fortrudt</translation>
    </message>
    <message>
      <source>Fritaget</source>
      <translation>Fritaget</translation>
    </message>
    <message>
      <source>Fritagelse ophævet</source>
      <translation>Fritagelse ophævet</translation>
    </message>
    <message>
      <source>Flyttet til nyt katalog</source>
      <translation>Flyttet til nyt katalog</translation>
    </message>
    <message>
      <source>Eksporteret</source>
      <translation>Eksporteret</translation>
    </message>
    <message>
      <source>Katalog tilføjet</source>
      <translation>Katalog tilføjet</translation>
    </message>
    <message>
      <source>Katalog fjernet</source>
      <translation>Katalog fjernet</translation>
    </message>
    <message>
      <source>Sagsbehandler</source>
      <translation>Sagsbehandler</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Frist</source>
      <translation>Frist</translation>
    </message>
    <message>
      <source>Bemærkning</source>
      <translation>Bemærkning</translation>
    </message>
    <message>
      <source>Navn</source>
      <translation>Navn</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Årsag</source>
      <translation>Årsag</translation>
    </message>
    <message>
      <source>Tilstand</source>
      <translation>Tilstand</translation>
    </message>
    <message>
      <source>Bruger</source>
      <translation>Bruger</translation>
    </message>
    <message>
      <source>Kryptering</source>
      <translation>Kryptering</translation>
    </message>
    <message>
      <source>Underretning sendt</source>
      <translation>Underretning sendt</translation>
    </message>
    <message>
      <source>Udkast til underretning</source>
      <translation>Udkast til underretning</translation>
    </message>
    <message>
      <source>Underretning</source>
      <translation>Underretning</translation>
    </message>
    <message>
      <source>Indsigtsrapport</source>
      <translation>Indsigtsrapport</translation>
    </message>
    <message>
      <source>Rettet</source>
      <translation>Rettet</translation>
    </message>
    <message>
      <source>Persondata slettet</source>
      <translation>Persondata slettet</translation>
    </message>
    <message>
      <source>CPR/CVR</source>
      <translation>CPR/CVR</translation>
    </message>
    <message>
      <source>Tidspunkt</source>
      <translation>Tidspunkt</translation>
    </message>
    <message>
      <source>Hvem</source>
      <translation>Hvem</translation>
    </message>
    <message>
      <source>Handling</source>
      <translation>Handling</translation>
    </message>
    <message>
      <source>Hvad</source>
      <translation>Hvad</translation>
    </message>
    <message>
      <source>Ændring</source>
      <translation>Ændring</translation>
    </message>
    <message>
      <source>Historik</source>
      <translation>Historik</translation>
    </message>
  </context>
  <context>
    <name>IcsExport</name>
    <message>
      <source>alle</source>
      <translation>alle</translation>
    </message>
    <message>
      <source>Eksportér frister til kalender</source>
      <translation>Eksportér frister til kalender</translation>
    </message>
    <message>
      <source>Frister {0}.ics</source>
      <translation>Frister {0}.ics</translation>
    </message>
    <message>
      <source>Kalender (*.ics)</source>
      <translation>Kalender (*.ics)</translation>
    </message>
    <message>
      <source>{0} gemt i {1} (uden persondata). Åbn filen i Outlook for at lægge dem i kalenderen.</source>
      <translation>{0} gemt i {1} (uden persondata). Åbn filen i Outlook for at lægge dem i kalenderen.</translation>
    </message>
    <message>
      <source>frist</source>
      <translation>frist</translation>
    </message>
    <message>
      <source>frister</source>
      <translation>frister</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Importér sager</source>
      <translation>Importér sager</translation>
    </message>
    <message>
      <source>Fil der importeres</source>
      <translation>Fil der importeres</translation>
    </message>
    <message>
      <source>Vælg fil …</source>
      <translation>Vælg fil …</translation>
    </message>
    <message>
      <source>Vælg fil</source>
      <translation>Vælg fil</translation>
    </message>
    <message>
      <source>Gem skabelon …</source>
      <translation>Gem skabelon …</translation>
    </message>
    <message>
      <source>Gem skabelon til import</source>
      <translation>Gem skabelon til import</translation>
    </message>
    <message>
      <source>Vælg en Excel-fil med sager. Intet gemmes, før du trykker Importér.</source>
      <translation>Vælg en Excel-fil med sager. Intet gemmes, før du trykker Importér.</translation>
    </message>
    <message>
      <source>Rækker i filen</source>
      <translation>Rækker i filen</translation>
    </message>
    <message>
      <source>Række</source>
      <translation>Række</translation>
    </message>
    <message>
      <source>Sag</source>
      <translation>Sag</translation>
    </message>
    <message>
      <source>Resultat</source>
      <translation>Resultat</translation>
    </message>
    <message>
      <source>Luk</source>
      <translation>Luk</translation>
    </message>
    <message>
      <source>Importér</source>
      <translation>Importér</translation>
    </message>
    <message>
      <source>Gem afviste rækker …</source>
      <translation>Gem afviste rækker …</translation>
    </message>
    <message>
      <source>Vælg Excel-fil</source>
      <translation>Vælg Excel-fil</translation>
    </message>
    <message>
      <source>Excel-projektmappe (*.xlsx)</source>
      <translation>Excel-projektmappe (*.xlsx)</translation>
    </message>
    <message>
      <source>Gem skabelon</source>
      <translation>Gem skabelon</translation>
    </message>
    <message>
      <source>Skabelon til import af sager.xlsx</source>
      <translation>Skabelon til import af sager.xlsx</translation>
    </message>
    <message>
      <source>Skabelon</source>
      <translation>Skabelon</translation>
    </message>
    <message>
      <source>Gemmer skabelon …</source>
      <translation>Gemmer skabelon …</translation>
    </message>
    <message>
      <source>Indlæser</source>
      <translation>Indlæser</translation>
    </message>
    <message>
      <source>Læser filen …</source>
      <translation>Læser filen …</translation>
    </message>
    <message>
      <source>Indlæsningen blev annulleret.</source>
      <translation>Indlæsningen blev annulleret.</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>{0} læst i arket (række {1}–{2}).</source>
      <translation>{0} læst i arket (række {1}–{2}).</translation>
    </message>
    <message>
      <source>sag</source>
      <translation>sag</translation>
    </message>
    <message>
      <source>sager</source>
      <translation>sager</translation>
    </message>
    <message>
      <source>Importér {0}</source>
      <translation>Importér {0}</translation>
    </message>
    <message>
      <source>{0} med fejl bliver ikke importeret. Importér {1}?</source>
      <translation>{0} med fejl bliver ikke importeret. Importér {1}?</translation>
    </message>
    <message>
      <source>række</source>
      <translation>række</translation>
    </message>
    <message>
      <source>rækker</source>
      <translation>rækker</translation>
    </message>
    <message>
      <source>gyldig sag</source>
      <translation>gyldig sag</translation>
    </message>
    <message>
      <source>gyldige sager</source>
      <translation>gyldige sager</translation>
    </message>
    <message>
      <source>{0} importeret ({1}–{2}). {3} er ikke importeret: gem dem som en projektmappe, ret dem, og importér dem igen.</source>
      <translation>{0} importeret ({1}–{2}). {3} er ikke importeret: gem dem som en projektmappe, ret dem, og importér dem igen.</translation>
    </message>
    <message>
      <source>Gem afviste rækker</source>
      <translation>Gem afviste rækker</translation>
    </message>
    <message>
      <source>Afviste rækker.xlsx</source>
      <translation>Afviste rækker.xlsx</translation>
    </message>
    <message>
      <source>{0} gemt i {1} med en kolonne, der siger hvad der skal rettes.</source>
      <translation>{0} gemt i {1} med en kolonne, der siger hvad der skal rettes.</translation>
    </message>
    <message>
      <source>Kolonner der ikke bruges: {0}.</source>
      <translation>Kolonner der ikke bruges: {0}.</translation>
    </message>
    <message>
      <source>{0} kan importeres, {1} har fejl og springes over.</source>
      <translation>{0} kan importeres, {1} har fejl og springes over.</translation>
    </message>
    <message>
      <source>Alle {0} kan importeres.</source>
      <translation>Alle {0} kan importeres.</translation>
    </message>
    <message>
      <source>Spring fejl over?</source>
      <translation>Spring fejl over?</translation>
    </message>
    <message>
      <source>Importerer</source>
      <translation>Importerer</translation>
    </message>
    <message>
      <source>Gemmer sager …</source>
      <translation>Gemmer sager …</translation>
    </message>
    <message>
      <source>Importen blev annulleret; intet er gemt.</source>
      <translation>Importen blev annulleret; intet er gemt.</translation>
    </message>
    <message>
      <source>Intet er importeret</source>
      <translation>Intet er importeret</translation>
    </message>
  </context>
  <context>
    <name>LaptopActions</name>
    <message>
      <source>Offline kopi fra teamdatabasen, hentet {0} ({1}, {2}). Aflever den på kontoret.</source>
      <translation>Offline kopi fra teamdatabasen, hentet {0} ({1}, {2}). Aflever den på kontoret.</translation>
    </message>
    <message>
      <source>Nye sager har fået numre: {0}.</source>
      <translation>Nye sager har fået numre: {0}.</translation>
    </message>
    <message>
      <source>&amp;Tag sager med ud …</source>
      <translation>&amp;Tag sager med ud …</translation>
    </message>
    <message>
      <source>A&amp;flever sager …</source>
      <translation>A&amp;flever sager …</translation>
    </message>
    <message>
      <source>&amp;Konflikter …</source>
      <translation>&amp;Konflikter …</translation>
    </message>
    <message>
      <source>Offline kopi</source>
      <translation>Offline kopi</translation>
    </message>
    <message>
      <source>Ændringer gemmes i kopien og flettes ind i teamdatabasen, når den afleveres (Filer → Aflever sager i teamdatabasens vindue).</source>
      <translation>Ændringer gemmes i kopien og flettes ind i teamdatabasen, når den afleveres (Filer → Aflever sager i teamdatabasens vindue).</translation>
    </message>
    <message>
      <source>krypteret</source>
      <translation>krypteret</translation>
    </message>
    <message>
      <source>UKRYPTERET</source>
      <translation>UKRYPTERET</translation>
    </message>
    <message>
      <source>{0} taget med ud i {1} ({2}).</source>
      <translation>{0} taget med ud i {1} ({2}).</translation>
    </message>
    <message>
      <source>sag</source>
      <translation>sag</translation>
    </message>
    <message>
      <source>sager</source>
      <translation>sager</translation>
    </message>
    <message>
      <source>Aflever sager</source>
      <translation>Aflever sager</translation>
    </message>
  </context>
  <context>
    <name>Legend</name>
    <message>
      <source>Fristen er overskredet.</source>
      <translation>Fristen er overskredet.</translation>
    </message>
    <message>
      <source>Fristen er i dag.</source>
      <translation>Fristen er i dag.</translation>
    </message>
    <message>
      <source>Den forventede tid er passeret (ikke et løfte).</source>
      <translation>Den forventede tid er passeret (ikke et løfte).</translation>
    </message>
    <message>
      <source>Fristen er inden for få hverdage.</source>
      <translation>Fristen er inden for få hverdage.</translation>
    </message>
    <message>
      <source>Sagen eller milepælen er sat på pause.</source>
      <translation>Sagen eller milepælen er sat på pause.</translation>
    </message>
    <message>
      <source>Foreløbig: afhænger af at forrige milepæl bliver udført.</source>
      <translation>Foreløbig: afhænger af at forrige milepæl bliver udført.</translation>
    </message>
    <message>
      <source>Fristen ligger længere ude.</source>
      <translation>Fristen ligger længere ude.</translation>
    </message>
    <message>
      <source>Hændelsen er ikke registreret endnu.</source>
      <translation>Hændelsen er ikke registreret endnu.</translation>
    </message>
    <message>
      <source>Udført efter fristen.</source>
      <translation>Udført efter fristen.</translation>
    </message>
    <message>
      <source>Udført til tiden.</source>
      <translation>Udført til tiden.</translation>
    </message>
    <message>
      <source>Bortfaldet (sagen er lukket).</source>
      <translation>Bortfaldet (sagen er lukket).</translation>
    </message>
    <message>
      <source>Fritaget med en begrundelse: ikke på arbejdslisten, tæller som fritaget i rettidighedstallene.</source>
      <translation>Fritaget med en begrundelse: ikke på arbejdslisten, tæller som fritaget i rettidighedstallene.</translation>
    </message>
    <message>
      <source>En afgørelse på en ansøgning skal træffes inden for få hverdage, og ansøgeren har ikke fået underretning (rsl. § 3, stk. 2).</source>
      <translation>En afgørelse på en ansøgning skal træffes inden for få hverdage, og ansøgeren har ikke fået underretning (rsl. § 3, stk. 2).</translation>
    </message>
    <message>
      <source>Afgørelsens frist er passeret, uden at ansøgeren fik skriftlig underretning: et brud på retssikkerhedslovens § 3, stk. 2.</source>
      <translation>Afgørelsens frist er passeret, uden at ansøgeren fik skriftlig underretning: et brud på retssikkerhedslovens § 3, stk. 2.</translation>
    </message>
    <message>
      <source>Ansøgeren har fået underretning; den lovede dato følges som »Forventet afgørelse«.</source>
      <translation>Ansøgeren har fået underretning; den lovede dato følges som »Forventet afgørelse«.</translation>
    </message>
    <message>
      <source>Forklaring af farver og tegn</source>
      <translation>Forklaring af farver og tegn</translation>
    </message>
  </context>
  <context>
    <name>Loader</name>
    <message>
      <source>Listen kunne ikke hentes. Detaljer står i logfilen.</source>
      <translation>Listen kunne ikke hentes. Detaljer står i logfilen.</translation>
    </message>
  </context>
  <context>
    <name>LockPage</name>
    <message>
      <source>Låst skærm</source>
      <translation>Låst skærm</translation>
    </message>
    <message>
      <source>Jobcenter Frister er låst</source>
      <translation>Jobcenter Frister er låst</translation>
    </message>
    <message>
      <source>Låsebesked</source>
      <translation>Låsebesked</translation>
    </message>
    <message>
      <source>Skriv databasens adgangsudtryk for at låse op.</source>
      <translation>Skriv databasens adgangsudtryk for at låse op.</translation>
    </message>
    <message>
      <source>Skriv dit brugernavn for at låse op.</source>
      <translation>Skriv dit brugernavn for at låse op.</translation>
    </message>
    <message>
      <source>Adgangsudtryk</source>
      <translation>Adgangsudtryk</translation>
    </message>
    <message>
      <source>Brugernavn</source>
      <translation>Brugernavn</translation>
    </message>
    <message>
      <source>Lås op</source>
      <translation>Lås op</translation>
    </message>
    <message>
      <source>Fejl ved oplåsning</source>
      <translation>Fejl ved oplåsning</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Jobcenter Frister</source>
      <translation>Jobcenter Frister</translation>
    </message>
    <message>
      <source>&amp;Mine frister</source>
      <translation>&amp;Mine frister</translation>
    </message>
    <message>
      <source>&amp;Kalender</source>
      <translation>&amp;Kalender</translation>
    </message>
    <message>
      <source>&amp;Sager</source>
      <translation>&amp;Sager</translation>
    </message>
    <message>
      <source>&amp;Team</source>
      <translation>&amp;Team</translation>
    </message>
    <message>
      <source>Forklaring</source>
      <translation>Forklaring</translation>
    </message>
    <message>
      <source>&amp;Ny sag …</source>
      <translation>&amp;Ny sag …</translation>
    </message>
    <message>
      <source>&amp;Søg</source>
      <translation>&amp;Søg</translation>
    </message>
    <message>
      <source>&amp;Opdatér</source>
      <translation>&amp;Opdatér</translation>
    </message>
    <message>
      <source>&amp;Eksportér arbejdsliste …</source>
      <translation>&amp;Eksportér arbejdsliste …</translation>
    </message>
    <message>
      <source>Eksportér til &amp;kalender (.ics) …</source>
      <translation>Eksportér til &amp;kalender (.ics) …</translation>
    </message>
    <message>
      <source>&amp;Udskriv …</source>
      <translation>&amp;Udskriv …</translation>
    </message>
    <message>
      <source>&amp;Importér sager …</source>
      <translation>&amp;Importér sager …</translation>
    </message>
    <message>
      <source>&amp;Indstillinger …</source>
      <translation>&amp;Indstillinger …</translation>
    </message>
    <message>
      <source>&amp;Genberegn frister …</source>
      <translation>&amp;Genberegn frister …</translation>
    </message>
    <message>
      <source>&amp;Forklaring af farver</source>
      <translation>&amp;Forklaring af farver</translation>
    </message>
    <message>
      <source>&amp;Afslut</source>
      <translation>&amp;Afslut</translation>
    </message>
    <message>
      <source>Gå til i &amp;dag</source>
      <translation>Gå til i &amp;dag</translation>
    </message>
    <message>
      <source>&amp;Lås nu</source>
      <translation>&amp;Lås nu</translation>
    </message>
    <message>
      <source>Lås nu: skjul alle persondata</source>
      <translation>Lås nu: skjul alle persondata</translation>
    </message>
    <message>
      <source>&amp;Filer</source>
      <translation>&amp;Filer</translation>
    </message>
    <message>
      <source>&amp;Vis</source>
      <translation>&amp;Vis</translation>
    </message>
    <message>
      <source>&amp;Hjælp</source>
      <translation>&amp;Hjælp</translation>
    </message>
    <message>
      <source>Kort &amp;vejledning</source>
      <translation>Kort &amp;vejledning</translation>
    </message>
    <message>
      <source>&amp;Om Jobcenter Frister</source>
      <translation>&amp;Om Jobcenter Frister</translation>
    </message>
    <message>
      <source>Værktøjer</source>
      <translation>Værktøjer</translation>
    </message>
    <message>
      <source>Sagen kan ikke åbnes: {0}</source>
      <translation>Sagen kan ikke åbnes: {0}</translation>
    </message>
    <message>
      <source>Sag {0}: {1}.</source>
      <translation>Sag {0}: {1}.</translation>
    </message>
    <message>
      <source>{0} gemt i {1}</source>
      <translation>{0} gemt i {1}</translation>
    </message>
    <message>
      <source>frist</source>
      <translation>frist</translation>
    </message>
    <message>
      <source>frister</source>
      <translation>frister</translation>
    </message>
    <message>
      <source>{0} importeret ({1}–{2}).</source>
      <translation>{0} importeret ({1}–{2}).</translation>
    </message>
    <message>
      <source>sag</source>
      <translation>sag</translation>
    </message>
    <message>
      <source>sager</source>
      <translation>sager</translation>
    </message>
    <message>
      <source>Genberegning startet fra menuen</source>
      <translation>Genberegning startet fra menuen</translation>
    </message>
    <message>
      <source>{0} · {1} · database: {2}</source>
      <translation>{0} · {1} · database: {2}</translation>
    </message>
    <message>
      <source>Jobcenter Frister — låst</source>
      <translation>Jobcenter Frister — låst</translation>
    </message>
    <message>
      <source>Låst</source>
      <translation>Låst</translation>
    </message>
    <message>
      <source>Låst efter {0} inaktivitet — ingen persondata vises.</source>
      <translation>Låst efter {0} inaktivitet — ingen persondata vises.</translation>
    </message>
    <message>
      <source>Låst — ingen persondata vises.</source>
      <translation>Låst — ingen persondata vises.</translation>
    </message>
    <message>
      <source>Forkert adgangsudtryk. Skærmen forbliver låst.</source>
      <translation>Forkert adgangsudtryk. Skærmen forbliver låst.</translation>
    </message>
    <message>
      <source>Skriv dit brugernavn for at låse op.</source>
      <translation>Skriv dit brugernavn for at låse op.</translation>
    </message>
    <message>
      <source>Det er ikke dit brugernavn. Skærmen forbliver låst.</source>
      <translation>Det er ikke dit brugernavn. Skærmen forbliver låst.</translation>
    </message>
  </context>
  <context>
    <name>MovePreviewDialog</name>
    <message>
      <source>Flyt åbne sager til {0}</source>
      <translation>Flyt åbne sager til {0}</translation>
    </message>
    <message>
      <source>{0} flyttes til {1}. + ny milepæl, - bortfalder, ~ ny frist. Intet er gemt endnu.</source>
      <translation>{0} flyttes til {1}. + ny milepæl, - bortfalder, ~ ny frist. Intet er gemt endnu.</translation>
    </message>
    <message>
      <source>sag</source>
      <translation>sag</translation>
    </message>
    <message>
      <source>sager</source>
      <translation>sager</translation>
    </message>
    <message>
      <source>Ingen åbne sager at flytte.</source>
      <translation>Ingen åbne sager at flytte.</translation>
    </message>
    <message>
      <source>Flyttet til regelkatalog {0}</source>
      <translation>Flyttet til regelkatalog {0}</translation>
    </message>
    <message>
      <source>Begrundelse</source>
      <translation>Begrundelse</translation>
    </message>
    <message>
      <source>Flyt {0}</source>
      <translation>Flyt {0}</translation>
    </message>
    <message>
      <source>Begrundelse (står i historikken):</source>
      <translation>Begrundelse (står i historikken):</translation>
    </message>
  </context>
  <context>
    <name>NewCaseDialog</name>
    <message>
      <source>Ny sag</source>
      <translation>Ny sag</translation>
    </message>
    <message>
      <source>Målgruppe</source>
      <translation>Målgruppe</translation>
    </message>
    <message>
      <source>Ikke på listen: {0} — lukket for nye sager (åbne sager kører videre).</source>
      <translation>Ikke på listen: {0} — lukket for nye sager (åbne sager kører videre).</translation>
    </message>
    <message>
      <source>{0} fra {1}</source>
      <translation>{0} fra {1}</translation>
    </message>
    <message>
      <source>Navn</source>
      <translation>Navn</translation>
    </message>
    <message>
      <source>Sagsbehandler</source>
      <translation>Sagsbehandler</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Bemærkning</source>
      <translation>Bemærkning</translation>
    </message>
    <message>
      <source>&amp;Målgruppe:</source>
      <translation>&amp;Målgruppe:</translation>
    </message>
    <message>
      <source>&amp;Navn:</source>
      <translation>&amp;Navn:</translation>
    </message>
    <message>
      <source>&amp;CPR-nr.:</source>
      <translation>&amp;CPR-nr.:</translation>
    </message>
    <message>
      <source>&amp;Sagsbehandler:</source>
      <translation>&amp;Sagsbehandler:</translation>
    </message>
    <message>
      <source>&amp;Team:</source>
      <translation>&amp;Team:</translation>
    </message>
    <message>
      <source>Hændelser (fristerne regnes herfra)</source>
      <translation>Hændelser (fristerne regnes herfra)</translation>
    </message>
    <message>
      <source>Milepæle der oprettes</source>
      <translation>Milepæle der oprettes</translation>
    </message>
    <message>
      <source>Milepæl</source>
      <translation>Milepæl</translation>
    </message>
    <message>
      <source>Frist</source>
      <translation>Frist</translation>
    </message>
    <message>
      <source>Opret sag</source>
      <translation>Opret sag</translation>
    </message>
    <message>
      <source>Bemærkning:</source>
      <translation>Bemærkning:</translation>
    </message>
    <message>
      <source>Milepæle og frister:</source>
      <translation>Milepæle og frister:</translation>
    </message>
    <message>
      <source>Part: borger (CPR-nummer)</source>
      <translation>Part: borger (CPR-nummer)</translation>
    </message>
    <message>
      <source>Part: virksomhed (CVR-nummer)</source>
      <translation>Part: virksomhed (CVR-nummer)</translation>
    </message>
    <message>
      <source>&amp;CVR-nr.:</source>
      <translation>&amp;CVR-nr.:</translation>
    </message>
    <message>
      <source>DDMMÅÅ-NNNN</source>
      <translation>DDMMÅÅ-NNNN</translation>
    </message>
    <message>
      <source>8 cifre</source>
      <translation>8 cifre</translation>
    </message>
    <message>
      <source>CPR-nummer</source>
      <translation>CPR-nummer</translation>
    </message>
    <message>
      <source>CVR-nummer</source>
      <translation>CVR-nummer</translation>
    </message>
    <message>
      <source>{0} *:</source>
      <translation>{0} *:</translation>
    </message>
    <message>
      <source>{0} (valgfri):</source>
      <translation>{0} (valgfri):</translation>
    </message>
    <message>
      <source>* skal udfyldes: fristerne regnes fra den dato.</source>
      <translation>* skal udfyldes: fristerne regnes fra den dato.</translation>
    </message>
    <message>
      <source>Kassér den nye sag?</source>
      <translation>Kassér den nye sag?</translation>
    </message>
    <message>
      <source>Det du har skrevet, bliver ikke gemt.</source>
      <translation>Det du har skrevet, bliver ikke gemt.</translation>
    </message>
    <message>
      <source>Kassér</source>
      <translation>Kassér</translation>
    </message>
    <message>
      <source>Fortsæt med at skrive</source>
      <translation>Fortsæt med at skrive</translation>
    </message>
    <message>
      <source>Kan ikke oprettes endnu: {0}</source>
      <translation>Kan ikke oprettes endnu: {0}</translation>
    </message>
    <message>
      <source>Ikke startet (hændelse mangler)</source>
      <translation>Ikke startet (hændelse mangler)</translation>
    </message>
    <message>
      <source>Foreløbig</source>
      <translation>Foreløbig</translation>
    </message>
    <message>
      <source>Forventet tid</source>
      <translation>Forventet tid</translation>
    </message>
    <message>
      <source>Opret sagen alligevel?</source>
      <translation>Opret sagen alligevel?</translation>
    </message>
    <message>
      <source>Bekræft dato</source>
      <translation>Bekræft dato</translation>
    </message>
    <message>
      <source>Sagen kan ikke oprettes</source>
      <translation>Sagen kan ikke oprettes</translation>
    </message>
    <message>
      <source>Sag {0} oprettet; første frist {1}.</source>
      <translation>Sag {0} oprettet; første frist {1}.</translation>
    </message>
  </context>
  <context>
    <name>NotesTab</name>
    <message>
      <source>Bemærkninger</source>
      <translation>Bemærkninger</translation>
    </message>
    <message>
      <source>Tidspunkt</source>
      <translation>Tidspunkt</translation>
    </message>
    <message>
      <source>Skrevet af</source>
      <translation>Skrevet af</translation>
    </message>
    <message>
      <source>Bemærkning</source>
      <translation>Bemærkning</translation>
    </message>
    <message>
      <source>Ny bemærkning</source>
      <translation>Ny bemærkning</translation>
    </message>
    <message>
      <source>Skriv en ny bemærkning …</source>
      <translation>Skriv en ny bemærkning …</translation>
    </message>
    <message>
      <source>&amp;Tilføj bemærkning</source>
      <translation>&amp;Tilføj bemærkning</translation>
    </message>
    <message>
      <source>Tilføj bemærkning</source>
      <translation>Tilføj bemærkning</translation>
    </message>
    <message>
      <source>Ny bemærkning:</source>
      <translation>Ny bemærkning:</translation>
    </message>
  </context>
  <context>
    <name>NoticeDialog</name>
    <message>
      <source>Underretning – sag {0}</source>
      <extracomment>A reason left empty: the caseworker writes it in Word, like the address.</extracomment>
      <translation>Underretning – sag {0}</translation>
    </message>
    <message>
      <source>Underretning</source>
      <translation>Underretning</translation>
    </message>
    <message>
      <source>&lt;b&gt;{0}&lt;/b&gt;: frist {1}. Kan fristen ikke holdes, skal ansøgeren skriftligt have besked om, hvornår en afgørelse kan forventes (retssikkerhedslovens § 3, stk. 2).</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt;: frist {1}. Kan fristen ikke holdes, skal ansøgeren skriftligt have besked om, hvornår en afgørelse kan forventes (retssikkerhedslovens § 3, stk. 2).</translation>
    </message>
    <message>
      <source>Forventet afgørelse</source>
      <translation>Forventet afgørelse</translation>
    </message>
    <message>
      <source>Begrundelse</source>
      <translation>Begrundelse</translation>
    </message>
    <message>
      <source>Hvorfor kan fristen ikke holdes? Teksten står i brevet. Tomt: skriv den i Word.</source>
      <translation>Hvorfor kan fristen ikke holdes? Teksten står i brevet. Tomt: skriv den i Word.</translation>
    </message>
    <message>
      <source>Fuldt CPR-nr. i brevet (logges i historikken)</source>
      <translation>Fuldt CPR-nr. i brevet (logges i historikken)</translation>
    </message>
    <message>
      <source>Gem brevet som</source>
      <translation>Gem brevet som</translation>
    </message>
    <message>
      <source>Vælg…</source>
      <translation>Vælg…</translation>
    </message>
    <message>
      <source>Sendt den</source>
      <translation>Sendt den</translation>
    </message>
    <message>
      <source>Forventet afgørelse:</source>
      <translation>Forventet afgørelse:</translation>
    </message>
    <message>
      <source>Begrundelse:</source>
      <translation>Begrundelse:</translation>
    </message>
    <message>
      <source>Gem brevet som:</source>
      <translation>Gem brevet som:</translation>
    </message>
    <message>
      <source>Sendt den:</source>
      <translation>Sendt den:</translation>
    </message>
    <message>
      <source>Skriv &amp;udkast</source>
      <translation>Skriv &amp;udkast</translation>
    </message>
    <message>
      <source>Å&amp;bn brevet</source>
      <translation>Å&amp;bn brevet</translation>
    </message>
    <message>
      <source>Registrér som &amp;sendt</source>
      <translation>Registrér som &amp;sendt</translation>
    </message>
    <message>
      <source>Gemmer datoen og den lovede dato (begge logges); den lovede dato følges som fristen »Forventet afgørelse«.</source>
      <translation>Gemmer datoen og den lovede dato (begge logges); den lovede dato følges som fristen »Forventet afgørelse«.</translation>
    </message>
    <message>
      <source>Luk</source>
      <translation>Luk</translation>
    </message>
    <message>
      <source>Gem underretning</source>
      <translation>Gem underretning</translation>
    </message>
    <message>
      <source>Word-dokument (*.docx)</source>
      <translation>Word-dokument (*.docx)</translation>
    </message>
    <message>
      <source>Udkast gemt: {0}
Udfyld adressen, læs brevet igennem og send det; klik så »Registrér som sendt«.</source>
      <translation>Udkast gemt: {0}
Udfyld adressen, læs brevet igennem og send det; klik så »Registrér som sendt«.</translation>
    </message>
  </context>
  <context>
    <name>PasswordDialog</name>
    <message>
      <source>Teamdatabase</source>
      <translation>Teamdatabase</translation>
    </message>
    <message>
      <source>Adgangskode</source>
      <translation>Adgangskode</translation>
    </message>
    <message>
      <source>&amp;Husk adgangskoden på denne pc</source>
      <translation>&amp;Husk adgangskoden på denne pc</translation>
    </message>
    <message>
      <source>Husk adgangskoden på denne pc</source>
      <translation>Husk adgangskoden på denne pc</translation>
    </message>
    <message>
      <source>Gemmes i styresystemets adgangskodelager (i Windows: Legitimationsoplysninger), aldrig i en fil.</source>
      <translation>Gemmes i styresystemets adgangskodelager (i Windows: Legitimationsoplysninger), aldrig i en fil.</translation>
    </message>
    <message>
      <source>Denne pc har intet adgangskodelager, programmet kan bruge. Adgangskoden skal skrives ved hver start.</source>
      <translation>Denne pc har intet adgangskodelager, programmet kan bruge. Adgangskoden skal skrives ved hver start.</translation>
    </message>
    <message>
      <source>Database:</source>
      <translation>Database:</translation>
    </message>
    <message>
      <source>&amp;Adgangskode:</source>
      <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
      <source>Log ind</source>
      <translation>Log ind</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Frist</source>
      <translation>Frist</translation>
    </message>
    <message>
      <source>Hvd.</source>
      <translation>Hvd.</translation>
    </message>
    <message>
      <source>Milepæl</source>
      <translation>Milepæl</translation>
    </message>
    <message>
      <source>Målgruppe</source>
      <translation>Målgruppe</translation>
    </message>
    <message>
      <source>Sagsnr.</source>
      <translation>Sagsnr.</translation>
    </message>
    <message>
      <source>Part</source>
      <translation>Part</translation>
    </message>
    <message>
      <source>CPR/CVR</source>
      <translation>CPR/CVR</translation>
    </message>
    <message>
      <source>Sagsbehandler</source>
      <translation>Sagsbehandler</translation>
    </message>
    <message>
      <source>Udført</source>
      <translation>Udført</translation>
    </message>
    <message>
      <source>Hvorfor denne dato?</source>
      <translation>Hvorfor denne dato?</translation>
    </message>
    <message>
      <source>Fra</source>
      <translation>Fra</translation>
    </message>
    <message>
      <source>Til</source>
      <translation>Til</translation>
    </message>
    <message>
      <source>Årsag</source>
      <translation>Årsag</translation>
    </message>
    <message>
      <source>Tidspunkt</source>
      <translation>Tidspunkt</translation>
    </message>
    <message>
      <source>Hvem</source>
      <translation>Hvem</translation>
    </message>
    <message>
      <source>Handling</source>
      <translation>Handling</translation>
    </message>
    <message>
      <source>Hvad</source>
      <translation>Hvad</translation>
    </message>
    <message>
      <source>Ændring</source>
      <translation>Ændring</translation>
    </message>
    <message>
      <source>Udskrevet {0} af {1}</source>
      <translation>Udskrevet {0} af {1}</translation>
    </message>
    <message>
      <source>frist</source>
      <translation>frist</translation>
    </message>
    <message>
      <source>frister</source>
      <translation>frister</translation>
    </message>
    <message>
      <source>Oprettet</source>
      <translation>Oprettet</translation>
    </message>
    <message>
      <source>(i gang)</source>
      <translation>(i gang)</translation>
    </message>
    <message>
      <source>Sag {0} — {1}</source>
      <translation>Sag {0} — {1}</translation>
    </message>
    <message>
      <source>Udskriv: {0}</source>
      <translation>Udskriv: {0}</translation>
    </message>
    <message>
      <source>Gem som PDF …</source>
      <translation>Gem som PDF …</translation>
    </message>
    <message>
      <source>Gem som PDF</source>
      <translation>Gem som PDF</translation>
    </message>
    <message>
      <source>Der er ingen liste at udskrive på denne fane.</source>
      <translation>Der er ingen liste at udskrive på denne fane.</translation>
    </message>
    <message>
      <source>Frister</source>
      <translation>Frister</translation>
    </message>
    <message>
      <source>Vælg en sag at udskrive.</source>
      <translation>Vælg en sag at udskrive.</translation>
    </message>
  </context>
  <context>
    <name>ReassignDialog</name>
    <message>
      <source>Overdrag sag</source>
      <translation>Overdrag sag</translation>
    </message>
    <message>
      <source>Overdrag {0} sager</source>
      <translation>Overdrag {0} sager</translation>
    </message>
    <message>
      <source>Ny sagsbehandler</source>
      <translation>Ny sagsbehandler</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>(uændret)</source>
      <translation>(uændret)</translation>
    </message>
    <message>
      <source>Sagsbehandler:</source>
      <translation>Sagsbehandler:</translation>
    </message>
    <message>
      <source>Team:</source>
      <translation>Team:</translation>
    </message>
    <message>
      <source>Fordel på flere sagsbehandlere</source>
      <translation>Fordel på flere sagsbehandlere</translation>
    </message>
    <message>
      <source>Eller fordel på:</source>
      <translation>Eller fordel på:</translation>
    </message>
    <message>
      <source>Angiv en sagsbehandler.</source>
      <translation>Angiv en sagsbehandler.</translation>
    </message>
  </context>
  <context>
    <name>RecomputeDialog</name>
    <message>
      <source>Genberegn frister</source>
      <translation>Genberegn frister</translation>
    </message>
    <message>
      <source>Ingen åbne frister flytter.</source>
      <translation>Ingen åbne frister flytter.</translation>
    </message>
    <message>
      <source>{0} flytter: {1} senere, {2} tidligere. Intet er ændret endnu.</source>
      <translation>{0} flytter: {1} senere, {2} tidligere. Intet er ændret endnu.</translation>
    </message>
    <message>
      <source>åben frist</source>
      <translation>åben frist</translation>
    </message>
    <message>
      <source>åbne frister</source>
      <translation>åbne frister</translation>
    </message>
    <message>
      <source>Frister der flytter</source>
      <translation>Frister der flytter</translation>
    </message>
    <message>
      <source>Sag</source>
      <translation>Sag</translation>
    </message>
    <message>
      <source>Milepæl</source>
      <translation>Milepæl</translation>
    </message>
    <message>
      <source>Før</source>
      <translation>Før</translation>
    </message>
    <message>
      <source>Efter</source>
      <translation>Efter</translation>
    </message>
    <message>
      <source>Dage</source>
      <translation>Dage</translation>
    </message>
    <message>
      <source>Flyt frister</source>
      <translation>Flyt frister</translation>
    </message>
    <message>
      <source>Ikke nu</source>
      <translation>Ikke nu</translation>
    </message>
    <message>
      <source>Genberegner</source>
      <translation>Genberegner</translation>
    </message>
    <message>
      <source>Flytter frister …</source>
      <translation>Flytter frister …</translation>
    </message>
    <message>
      <source>Genberegningen blev annulleret; ingen frister er flyttet.</source>
      <translation>Genberegningen blev annulleret; ingen frister er flyttet.</translation>
    </message>
    <message>
      <source>Annulleret</source>
      <translation>Annulleret</translation>
    </message>
    <message>
      <source>Genberegning</source>
      <translation>Genberegning</translation>
    </message>
    <message>
      <source>Finder frister der flytter …</source>
      <translation>Finder frister der flytter …</translation>
    </message>
  </context>
  <context>
    <name>Reminders</name>
    <message>
      <source>Jobcenter Frister</source>
      <translation>Jobcenter Frister</translation>
    </message>
    <message>
      <source>Sag {0}: »{1}« skal være klaret kl. {2}.</source>
      <translation>Sag {0}: »{1}« skal være klaret kl. {2}.</translation>
    </message>
    <message>
      <source>Frist inden for en time</source>
      <translation>Frist inden for en time</translation>
    </message>
  </context>
  <context>
    <name>SavedViews</name>
    <message>
      <source>&amp;Gemte visninger</source>
      <translation>&amp;Gemte visninger</translation>
    </message>
    <message>
      <source>Visninger</source>
      <translation>Visninger</translation>
    </message>
    <message>
      <source>Gemte visninger</source>
      <translation>Gemte visninger</translation>
    </message>
    <message>
      <source>Gem denne visning …</source>
      <translation>Gem denne visning …</translation>
    </message>
    <message>
      <source>Slet visning</source>
      <translation>Slet visning</translation>
    </message>
    <message>
      <source>Der kan højst gemmes {0} visninger.</source>
      <translation>Der kan højst gemmes {0} visninger.</translation>
    </message>
    <message>
      <source>Gem visning</source>
      <translation>Gem visning</translation>
    </message>
    <message>
      <source>Navn på visningen:</source>
      <translation>Navn på visningen:</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Indstillinger</source>
      <translation>Indstillinger</translation>
    </message>
    <message>
      <source>Mit brugernavn</source>
      <translation>Mit brugernavn</translation>
    </message>
    <message>
      <source>Mit team</source>
      <translation>Mit team</translation>
    </message>
    <message>
      <source>Snart: antal hverdage</source>
      <translation>Snart: antal hverdage</translation>
    </message>
    <message>
      <source> hverdage</source>
      <translation> hverdage</translation>
    </message>
    <message>
      <source>Lås efter (minutter uden aktivitet, 0 = aldrig)</source>
      <translation>Lås efter (minutter uden aktivitet, 0 = aldrig)</translation>
    </message>
    <message>
      <source>Skjuler alle persondata når computeren ikke er brugt så længe. Lås op med dit brugernavn.</source>
      <translation>Skjuler alle persondata når computeren ikke er brugt så længe. Lås op med dit brugernavn.</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>aldrig</source>
      <translation>aldrig</translation>
    </message>
    <message>
      <source>Grundlovsdag (5. juni) er fridag</source>
      <translation>Grundlovsdag (5. juni) er fridag</translation>
    </message>
    <message>
      <source>Juleaftensdag (24. december) er fridag</source>
      <translation>Juleaftensdag (24. december) er fridag</translation>
    </message>
    <message>
      <source>Nytårsaftensdag (31. december) er fridag</source>
      <translation>Nytårsaftensdag (31. december) er fridag</translation>
    </message>
    <message>
      <source>Lokale lukkedage</source>
      <translation>Lokale lukkedage</translation>
    </message>
    <message>
      <source>Dato</source>
      <translation>Dato</translation>
    </message>
    <message>
      <source>Begrundelse</source>
      <translation>Begrundelse</translation>
    </message>
    <message>
      <source>Lukkedag dato</source>
      <translation>Lukkedag dato</translation>
    </message>
    <message>
      <source>Lukkedag begrundelse</source>
      <translation>Lukkedag begrundelse</translation>
    </message>
    <message>
      <source>fx fredag efter Kristi himmelfart</source>
      <translation>fx fredag efter Kristi himmelfart</translation>
    </message>
    <message>
      <source>Tilføj</source>
      <translation>Tilføj</translation>
    </message>
    <message>
      <source>Fjern valgte</source>
      <translation>Fjern valgte</translation>
    </message>
    <message>
      <source>Regelkatalog</source>
      <translation>Regelkatalog</translation>
    </message>
    <message>
      <source>Vælg …</source>
      <translation>Vælg …</translation>
    </message>
    <message>
      <source>Standard</source>
      <translation>Standard</translation>
    </message>
    <message>
      <source>{0} — {1}</source>
      <translation>{0} — {1}</translation>
    </message>
    <message>
      <source>Mig</source>
      <translation>Mig</translation>
    </message>
    <message>
      <source>Brugernavn:</source>
      <translation>Brugernavn:</translation>
    </message>
    <message>
      <source>Team:</source>
      <translation>Team:</translation>
    </message>
    <message>
      <source>Vis som »snart« inden for:</source>
      <translation>Vis som »snart« inden for:</translation>
    </message>
    <message>
      <source>Kalender (fælles for alle på databasen)</source>
      <translation>Kalender (fælles for alle på databasen)</translation>
    </message>
    <message>
      <source>Lokale lukkedage:</source>
      <translation>Lokale lukkedage:</translation>
    </message>
    <message>
      <source>Regelkatalog og database</source>
      <translation>Regelkatalog og database</translation>
    </message>
    <message>
      <source>Katalogfil:</source>
      <translation>Katalogfil:</translation>
    </message>
    <message>
      <source>Database:</source>
      <translation>Database:</translation>
    </message>
    <message>
      <source>Teamdatabase</source>
      <translation>Teamdatabase</translation>
    </message>
    <message>
      <source>postgresql://LOGIN@server:5432/frister (tom: filen på denne PC)</source>
      <translation>postgresql://LOGIN@server:5432/frister (tom: filen på denne PC)</translation>
    </message>
    <message>
      <source>Teamets fælles database. Gælder fra næste start; adgangskoden spørges om og gemmes ikke.</source>
      <translation>Teamets fælles database. Gælder fra næste start; adgangskoden spørges om og gemmes ikke.</translation>
    </message>
    <message>
      <source>Teamdatabase:</source>
      <translation>Teamdatabase:</translation>
    </message>
    <message>
      <source>Krypteret (SQLCipher {0}).</source>
      <translation>Krypteret (SQLCipher {0}).</translation>
    </message>
    <message>
      <source>Ukrypteret. Kryptering (SQLCipher {0}) kan slås til af it-supporten; bærbare kopier krypteres som standard.</source>
      <translation>Ukrypteret. Kryptering (SQLCipher {0}) kan slås til af it-supporten; bærbare kopier krypteres som standard.</translation>
    </message>
    <message>
      <source>Ukrypteret: kryptering (SQLCipher) kan ikke installeres på denne maskine.</source>
      <translation>Ukrypteret: kryptering (SQLCipher) kan ikke installeres på denne maskine.</translation>
    </message>
    <message>
      <source>Kryptering:</source>
      <translation>Kryptering:</translation>
    </message>
    <message>
      <source>Sikkerhedskopier …</source>
      <translation>Sikkerhedskopier …</translation>
    </message>
    <message>
      <source>Sikkerhedskopier og gendannelse</source>
      <translation>Sikkerhedskopier og gendannelse</translation>
    </message>
    <message>
      <source>Gem</source>
      <translation>Gem</translation>
    </message>
    <message>
      <source>&amp;Mig og kalender</source>
      <translation>&amp;Mig og kalender</translation>
    </message>
    <message>
      <source>&amp;Katalog og database</source>
      <translation>&amp;Katalog og database</translation>
    </message>
    <message>
      <source>De færdige årsager, der kan vælges, når en sag sættes på pause (én pr. linje). En ny årsag, der skrives ved en pause, kommer selv øverst på listen.</source>
      <translation>De færdige årsager, der kan vælges, når en sag sættes på pause (én pr. linje). En ny årsag, der skrives ved en pause, kommer selv øverst på listen.</translation>
    </message>
    <message>
      <source>Pauseårsager</source>
      <translation>Pauseårsager</translation>
    </message>
    <message>
      <source>&amp;Pauseårsager</source>
      <translation>&amp;Pauseårsager</translation>
    </message>
    <message>
      <source>Kataloger over &amp;tid</source>
      <translation>Kataloger over &amp;tid</translation>
    </message>
    <message>
      <source>Angiv en begrundelse for lukkedagen.</source>
      <translation>Angiv en begrundelse for lukkedagen.</translation>
    </message>
    <message>
      <source>Underretning (retssikkerhedslovens § 3, stk. 2; fælles for alle på databasen)</source>
      <translation>Underretning (retssikkerhedslovens § 3, stk. 2; fælles for alle på databasen)</translation>
    </message>
    <message>
      <source>Underretning mangler: antal hverdage før fristen</source>
      <translation>Underretning mangler: antal hverdage før fristen</translation>
    </message>
    <message>
      <source> hverdage før fristen</source>
      <translation> hverdage før fristen</translation>
    </message>
    <message>
      <source>Vis »Underretning mangler«:</source>
      <translation>Vis »Underretning mangler«:</translation>
    </message>
    <message>
      <source>Brevskabelon</source>
      <translation>Brevskabelon</translation>
    </message>
    <message>
      <source>(programmets egen skabelon)</source>
      <translation>(programmets egen skabelon)</translation>
    </message>
    <message>
      <source>Kommunens egen Word-skabelon (.docx) med felterne {{ dato }}, {{ forventet_dato }} osv.; den kontrolleres først.</source>
      <translation>Kommunens egen Word-skabelon (.docx) med felterne {{ dato }}, {{ forventet_dato }} osv.; den kontrolleres først.</translation>
    </message>
    <message>
      <source>Vælg…</source>
      <translation>Vælg…</translation>
    </message>
    <message>
      <source>Brevskabelon:</source>
      <translation>Brevskabelon:</translation>
    </message>
    <message>
      <source>Opbevaringsperiode for lukkede sager i år</source>
      <translation>Opbevaringsperiode for lukkede sager i år</translation>
    </message>
    <message>
      <source>slået fra</source>
      <translation>slået fra</translation>
    </message>
    <message>
      <source> år efter lukning</source>
      <translation> år efter lukning</translation>
    </message>
    <message>
      <source>Persondata i lukkede sager slettes med 'retention apply' (kun en administrator på teamdatabasen).</source>
      <translation>Persondata i lukkede sager slettes med 'retention apply' (kun en administrator på teamdatabasen).</translation>
    </message>
    <message>
      <source>Opbevaring:</source>
      <translation>Opbevaring:</translation>
    </message>
    <message>
      <source>Vælg brevskabelon</source>
      <translation>Vælg brevskabelon</translation>
    </message>
    <message>
      <source>Word-dokument (*.docx)</source>
      <translation>Word-dokument (*.docx)</translation>
    </message>
    <message>
      <source>Vælg regelkatalog</source>
      <translation>Vælg regelkatalog</translation>
    </message>
    <message>
      <source>Regelkatalog (*.toml)</source>
      <translation>Regelkatalog (*.toml)</translation>
    </message>
    <message>
      <source>Regelkataloget kan ikke bruges</source>
      <translation>Regelkataloget kan ikke bruges</translation>
    </message>
    <message>
      <source>Teamdatabasen angives som postgresql://LOGIN@VÆRT:PORT/DATABASE.</source>
      <translation>Teamdatabasen angives som postgresql://LOGIN@VÆRT:PORT/DATABASE.</translation>
    </message>
    <message>
      <source>nyt regelkatalog</source>
      <translation>nyt regelkatalog</translation>
    </message>
    <message>
      <source>ændret kalender</source>
      <translation>ændret kalender</translation>
    </message>
    <message>
      <source>Genberegning: {0}</source>
      <translation>Genberegning: {0}</translation>
    </message>
  </context>
  <context>
    <name>ShareChart</name>
    <message>
      <source>Andel til tiden</source>
      <translation>Andel til tiden</translation>
    </message>
    <message>
      <source> – under mål</source>
      <translation> – under mål</translation>
    </message>
    <message>
      <source> — stiplet linje: mål {0}</source>
      <translation> — stiplet linje: mål {0}</translation>
    </message>
    <message>
      <source>Andel til tiden (%)</source>
      <translation>Andel til tiden (%)</translation>
    </message>
    <message>
      <source>Ingen frister med en frist i perioden</source>
      <translation>Ingen frister med en frist i perioden</translation>
    </message>
  </context>
  <context>
    <name>StartSummary</name>
    <message>
      <source>Luk oversigten</source>
      <translation>Luk oversigten</translation>
    </message>
    <message>
      <source>&lt;b&gt;Hej {0}.&lt;/b&gt; Du har &lt;b&gt;{1}&lt;/b&gt; og &lt;b&gt;{2}&lt;/b&gt; med frist i dag.</source>
      <translation>&lt;b&gt;Hej {0}.&lt;/b&gt; Du har &lt;b&gt;{1}&lt;/b&gt; og &lt;b&gt;{2}&lt;/b&gt; med frist i dag.</translation>
    </message>
    <message>
      <source>overskredet frist</source>
      <translation>overskredet frist</translation>
    </message>
    <message>
      <source>overskredne frister</source>
      <translation>overskredne frister</translation>
    </message>
  </context>
  <context>
    <name>Tasks</name>
    <message>
      <source>Der opstod en uventet fejl. Detaljer står i logfilen.</source>
      <translation>Der opstod en uventet fejl. Detaljer står i logfilen.</translation>
    </message>
    <message>
      <source>Annullér</source>
      <translation>Annullér</translation>
    </message>
  </context>
  <context>
    <name>TeamView</name>
    <message>
      <source>Denne måned</source>
      <translation>Denne måned</translation>
    </message>
    <message>
      <source>Sidste måned</source>
      <translation>Sidste måned</translation>
    </message>
    <message>
      <source>Dette kvartal</source>
      <translation>Dette kvartal</translation>
    </message>
    <message>
      <source>Sidste kvartal</source>
      <translation>Sidste kvartal</translation>
    </message>
    <message>
      <source>I år</source>
      <translation>I år</translation>
    </message>
    <message>
      <source>Målgruppe</source>
      <translation>Målgruppe</translation>
    </message>
    <message>
      <source>Milepæl</source>
      <translation>Milepæl</translation>
    </message>
    <message>
      <source>Sagsbehandler</source>
      <translation>Sagsbehandler</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Til tiden</source>
      <translation>Til tiden</translation>
    </message>
    <message>
      <source>For sent</source>
      <translation>For sent</translation>
    </message>
    <message>
      <source>Overskredet</source>
      <translation>Overskredet</translation>
    </message>
    <message>
      <source>Fritaget</source>
      <translation>Fritaget</translation>
    </message>
    <message>
      <source>Ikke forfaldne</source>
      <translation>Ikke forfaldne</translation>
    </message>
    <message>
      <source>Forventede</source>
      <translation>Forventede</translation>
    </message>
    <message>
      <source>Andel til tiden</source>
      <translation>Andel til tiden</translation>
    </message>
    <message>
      <source>Mål</source>
      <translation>Mål</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Underrettet i tide</source>
      <translation>Underrettet i tide</translation>
    </message>
    <message>
      <source>Ikke underrettet</source>
      <translation>Ikke underrettet</translation>
    </message>
    <message>
      <source>Under mål</source>
      <translation>Under mål</translation>
    </message>
    <message>
      <source>Mål nået</source>
      <translation>Mål nået</translation>
    </message>
    <message>
      <source>Hvis sager</source>
      <translation>Hvis sager</translation>
    </message>
    <message>
      <source>Periode</source>
      <translation>Periode</translation>
    </message>
    <message>
      <source>Opdeling</source>
      <translation>Opdeling</translation>
    </message>
    <message>
      <source>Eksportér tal til Excel …</source>
      <translation>Eksportér tal til Excel …</translation>
    </message>
    <message>
      <source>Eksportér rettidighedstallene til Excel</source>
      <translation>Eksportér rettidighedstallene til Excel</translation>
    </message>
    <message>
      <source>Åbne sager</source>
      <translation>Åbne sager</translation>
    </message>
    <message>
      <source>Sagsbehandlere og åbne frister</source>
      <translation>Sagsbehandlere og åbne frister</translation>
    </message>
    <message>
      <source>Klik på et tal for at se fristerne bag det</source>
      <translation>Klik på et tal for at se fristerne bag det</translation>
    </message>
    <message>
      <source>Klik på et tal i tabellen for at se fristerne bag det.</source>
      <translation>Klik på et tal i tabellen for at se fristerne bag det.</translation>
    </message>
    <message>
      <source>Fristerne bag det valgte tal</source>
      <translation>Fristerne bag det valgte tal</translation>
    </message>
    <message>
      <source>Rettidighed</source>
      <translation>Rettidighed</translation>
    </message>
    <message>
      <source>Fritagelser pr. målgruppe</source>
      <translation>Fritagelser pr. målgruppe</translation>
    </message>
    <message>
      <source>Andel fritaget</source>
      <translation>Andel fritaget</translation>
    </message>
    <message>
      <source>Loft</source>
      <translation>Loft</translation>
    </message>
    <message>
      <source>Tal</source>
      <translation>Tal</translation>
    </message>
    <message>
      <source>Diagram</source>
      <translation>Diagram</translation>
    </message>
    <message>
      <source>Udvikling (12 måneder)</source>
      <translation>Udvikling (12 måneder)</translation>
    </message>
    <message>
      <source>Fritagelser</source>
      <translation>Fritagelser</translation>
    </message>
    <message>
      <source>&amp;Hvem:</source>
      <translation>&amp;Hvem:</translation>
    </message>
    <message>
      <source>&amp;Periode:</source>
      <translation>&amp;Periode:</translation>
    </message>
    <message>
      <source>&amp;Opdelt på:</source>
      <translation>&amp;Opdelt på:</translation>
    </message>
    <message>
      <source>Tæller frister</source>
      <translation>Tæller frister</translation>
    </message>
    <message>
      <source>Tæller …</source>
      <translation>Tæller …</translation>
    </message>
    <message>
      <source>Alle jeg har adgang til</source>
      <translation>Alle jeg har adgang til</translation>
    </message>
    <message>
      <source>{0}: {1} – klik for listen</source>
      <translation>{0}: {1} – klik for listen</translation>
    </message>
    <message>
      <source>frist</source>
      <translation>frist</translation>
    </message>
    <message>
      <source>frister</source>
      <translation>frister</translation>
    </message>
    <message>
      <source>{0} – {1}: {2}</source>
      <translation>{0} – {1}: {2}</translation>
    </message>
    <message>
      <source>over loftet</source>
      <translation>over loftet</translation>
    </message>
    <message>
      <source>under loftet</source>
      <translation>under loftet</translation>
    </message>
    <message>
      <source>{0}, {1}: {2} til tiden af {3} (mål {4}); {5} fritaget (loft {6} pr. målgruppe).</source>
      <translation>{0}, {1}: {2} til tiden af {3} (mål {4}); {5} fritaget (loft {6} pr. målgruppe).</translation>
    </message>
    <message>
      <source>Afgørelser på ansøgninger (rsl. § 3, stk. 2): {0} inden fristen; ikke nået: {1} med underretning i tide, {2} uden.</source>
      <translation>Afgørelser på ansøgninger (rsl. § 3, stk. 2): {0} inden fristen; ikke nået: {1} med underretning i tide, {2} uden.</translation>
    </message>
    <message>
      <source>Eksportér rettidighed</source>
      <translation>Eksportér rettidighed</translation>
    </message>
    <message>
      <source>Excel-projektmappe (*.xlsx)</source>
      <translation>Excel-projektmappe (*.xlsx)</translation>
    </message>
    <message>
      <source>Skriver projektmappen …</source>
      <translation>Skriver projektmappen …</translation>
    </message>
    <message>
      <source>Gemt: {0} ({1}).</source>
      <translation>Gemt: {0} ({1}).</translation>
    </message>
  </context>
  <context>
    <name>TrendChart</name>
    <message>
      <source>Andel til tiden pr. måned</source>
      <translation>Andel til tiden pr. måned</translation>
    </message>
    <message>
      <source>Andel til tiden</source>
      <translation>Andel til tiden</translation>
    </message>
    <message>
      <source>Mål {0}</source>
      <translation>Mål {0}</translation>
    </message>
    <message>
      <source>%</source>
      <translation>%</translation>
    </message>
  </context>
  <context>
    <name>TriggerDialog</name>
    <message>
      <source>Registrér hændelse</source>
      <translation>Registrér hændelse</translation>
    </message>
    <message>
      <source>Hændelse</source>
      <translation>Hændelse</translation>
    </message>
    <message>
      <source> (registreret – ændr dato)</source>
      <translation> (registreret – ændr dato)</translation>
    </message>
    <message>
      <source>Hændelse:</source>
      <translation>Hændelse:</translation>
    </message>
    <message>
      <source>Dato:</source>
      <translation>Dato:</translation>
    </message>
    <message>
      <source>Vælg en dato.</source>
      <translation>Vælg en dato.</translation>
    </message>
  </context>
  <context>
    <name>TriggerField</name>
    <message>
      <source>{0} (påkrævet)</source>
      <translation>{0} (påkrævet)</translation>
    </message>
    <message>
      <source>Ryd {0}</source>
      <translation>Ryd {0}</translation>
    </message>
  </context>
  <context>
    <name>Urgency</name>
    <message>
      <source>Overskredet</source>
      <translation>Overskredet</translation>
    </message>
    <message>
      <source>Frist i dag</source>
      <translation>Frist i dag</translation>
    </message>
    <message>
      <source>Forventet tid passeret</source>
      <translation>Forventet tid passeret</translation>
    </message>
    <message>
      <source>Snart</source>
      <translation>Snart</translation>
    </message>
    <message>
      <source>Pauset</source>
      <translation>Pauset</translation>
    </message>
    <message>
      <source>Foreløbig</source>
      <translation>Foreløbig</translation>
    </message>
    <message>
      <source>Senere</source>
      <translation>Senere</translation>
    </message>
    <message>
      <source>Ikke startet</source>
      <translation>Ikke startet</translation>
    </message>
    <message>
      <source>Udført for sent</source>
      <translation>Udført for sent</translation>
    </message>
    <message>
      <source>Udført til tiden</source>
      <translation>Udført til tiden</translation>
    </message>
    <message>
      <source>Bortfaldet</source>
      <translation>Bortfaldet</translation>
    </message>
    <message>
      <source>Fritaget</source>
      <translation>Fritaget</translation>
    </message>
    <message>
      <source>Underretning mangler</source>
      <translation>Underretning mangler</translation>
    </message>
    <message>
      <source>Frist overskredet uden underretning (rsl. § 3, stk. 2)</source>
      <translation>Frist overskredet uden underretning (rsl. § 3, stk. 2)</translation>
    </message>
    <message>
      <source>Underretning sendt</source>
      <translation>Underretning sendt</translation>
    </message>
    <message>
      <source>Underretning sendt for sent</source>
      <translation>Underretning sendt for sent</translation>
    </message>
  </context>
  <context>
    <name>WorklistView</name>
    <message>
      <source>Sagsbehandler</source>
      <translation>Sagsbehandler</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Målgruppe</source>
      <translation>Målgruppe</translation>
    </message>
    <message>
      <source>Status (flere kan vælges)</source>
      <translation>Status (flere kan vælges)</translation>
    </message>
    <message>
      <source>Periode</source>
      <translation>Periode</translation>
    </message>
    <message>
      <source>Begræns til en periode</source>
      <translation>Begræns til en periode</translation>
    </message>
    <message>
      <source>Fra dato</source>
      <translation>Fra dato</translation>
    </message>
    <message>
      <source>Til dato</source>
      <translation>Til dato</translation>
    </message>
    <message>
      <source>Søg</source>
      <translation>Søg</translation>
    </message>
    <message>
      <source>Søg navn, sagsnr. eller CPR … (Ctrl+F)</source>
      <translation>Søg navn, sagsnr. eller CPR … (Ctrl+F)</translation>
    </message>
    <message>
      <source>Henter frister</source>
      <translation>Henter frister</translation>
    </message>
    <message>
      <source>Mine frister</source>
      <translation>Mine frister</translation>
    </message>
    <message>
      <source>Sagsbehandler:</source>
      <translation>Sagsbehandler:</translation>
    </message>
    <message>
      <source>Team:</source>
      <translation>Team:</translation>
    </message>
    <message>
      <source>Målgruppe:</source>
      <translation>Målgruppe:</translation>
    </message>
    <message>
      <source>Status:</source>
      <translation>Status:</translation>
    </message>
    <message>
      <source>Alle</source>
      <translation>Alle</translation>
    </message>
    <message>
      <source>{0} (mig)</source>
      <translation>{0} (mig)</translation>
    </message>
    <message>
      <source>Alle åbne</source>
      <translation>Alle åbne</translation>
    </message>
    <message>
      <source>Slutdato før startdato</source>
      <translation>Slutdato før startdato</translation>
    </message>
    <message>
      <source>{0} – henter resten …</source>
      <translation>{0} – henter resten …</translation>
    </message>
    <message>
      <source>Listen kunne ikke hentes</source>
      <translation>Listen kunne ikke hentes</translation>
    </message>
    <message>
      <source>Henter frister …</source>
      <translation>Henter frister …</translation>
    </message>
    <message>
      <source>frist</source>
      <translation>frist</translation>
    </message>
    <message>
      <source>frister</source>
      <translation>frister</translation>
    </message>
    <message>
      <source>{0} af {1}</source>
      <translation>{0} af {1}</translation>
    </message>
  </context>
  <context>
    <name>_Base</name>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
  </context>
</TS>