# Fictional network made for Nexo (the "Puerto Claro" case).
Creator "Nexo examples"
graph [
  comment "Puerto Claro (fictional)"
  directed 1
  multigraph 1
  node [
    id 1
    label "Ana Ruiz"
    type "Person"
    role "organiser"
    age 48
    alias "La Jefa"
    alias "AR"
    graphics [
      x 0.1
      y 0.2
      fill "#FF0000"
    ]
  ]
  node [
    id 2
    label "Bruno Salas"
    type "Person"
    role "driver"
    age 34
  ]
  node [ id 3 label "Carla Mendez" type "Person" role "accountant" ]
  node [ id 4 label "Diego Paz" type "Person" ]
  node [ id 5 label "Elena Soto" type "Person" role "broker" age 51 ]
  node [ id 6 label "Felix Vargas" type "Person" ]
  node [ id 7 label "Gloria Ibarra" type "Person" role "lawyer" ]
  node [ id 8 label "Hugo Lara" type "Person" role "dock worker" ]
  node [ id 9 label "Iris Campos" type "Person" role "customs officer" ]
  node [ id 10 label "Julio Rios" type "Person" ]
  node [ id 11 label "Naviera Sur S.A." type "Company" ]
  node [ id 12 label "Hotel Miramar" type "Place" ]
  edge [
    source 1
    target 2
    type "CALLED"
    weight 14
    evidence "wiretap W-7"
  ]
  edge [ source 1 target 3 type "CALLED" weight 6 ]
  edge [ source 2 target 4 type "CALLED" weight 9 ]
  edge [ source 5 target 7 type "CALLED" weight 3 ]
  edge [ source 6 target 2 type "CALLED" weight 5 ]
  edge [ source 10 target 8 type "CALLED" weight 4 ]
  # Two payments between the same pair: two ties (multigraph 1, as NetworkX writes a MultiDiGraph).
  edge [ source 8 target 9 type "PAID" weight 1500.5 label "first payment" ]
  edge [ source 8 target 9 type "PAID" weight 900.0 label "second payment" ]
  edge [ source 1 target 5 type "MET" weight 2 ]
  edge [ source 12 target 1 type "MET_AT" ]
  edge [ source 12 target 5 type "MET_AT" ]
  edge [ source 3 target 11 type "WORKS_FOR" ]
  edge [ source 9 target 11 type "WORKS_FOR" ]
]
